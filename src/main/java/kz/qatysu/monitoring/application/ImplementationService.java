package kz.qatysu.monitoring.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.monitoring.domain.Implementation;
import kz.qatysu.monitoring.domain.ImplementationPhoto;
import kz.qatysu.monitoring.domain.ImplementationStatus;
import kz.qatysu.monitoring.application.OverdueReport.OverdueProject;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.application.ProposalRepository;
import kz.qatysu.proposal.attachment.application.AttachmentSettings;
import kz.qatysu.proposal.attachment.application.AttachmentStore;
import kz.qatysu.proposal.attachment.domain.AttachmentName;
import kz.qatysu.proposal.attachment.domain.AttachmentRefused;
import kz.qatysu.proposal.attachment.domain.ContentInspector;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;

/**
 * Implementation monitoring for akimat staff: the funded projects of the caller's territory, and the updates of one
 * project's implementation (milestones, progress and money, planned completion, photos, completion). Every method
 * checks that the caller's territorial scope covers the project — a crafted request for another district is refused
 * with {@link AccessRefused} and changes nothing — and every change is locked, applied through the
 * {@link Implementation} aggregate (which refuses bad input with a {@code monitoring.error.*} key) and recorded in the
 * audit log in the same transaction.
 */
@Stateless
public class ImplementationService {

    /** One page of the staff list and the number of funded projects in the caller's scope. */
    public record Page(List<ImplementationRow> rows, long total) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @Inject
    private ProposalRepository proposals;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private AttachmentStore store;
    @Inject
    private AttachmentSettings attachmentSettings;
    @Inject
    private MonitoringSettings settings;
    @EJB
    private StaffService staff;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;

    // ---------------------------------------------------------------- reading

    /** Funded projects of the caller's scope, overdue first, then by id. */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public Page funded(int first, int size) {
        String prefix = prefix(staff.callerScope());
        LocalDate today = today();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id, p.title, p.territory_code, p.assessed_cost,"
                        + " i.status, i.percent_done, i.due_date, i.updated_at"
                        + " from proposal p left join implementation i on i.proposal_id = p.id"
                        + " where p.status = 'FUNDED' and p.territory_code like ?1"
                        + " order by case when i.due_date < ?2 then 0 else 1 end, p.id"
                        + " offset ?3 limit ?4")
                .setParameter(1, prefix).setParameter(2, today).setParameter(3, Math.max(0, first))
                .setParameter(4, Math.clamp(size, 1, 200)).getResultList();
        Map<String, LocalizedText> names = new LinkedHashMap<>();
        List<ImplementationRow> page = rows.stream().map(r -> {
            String code = ((String) r[2]).strip();
            LocalDate due = r[6] == null ? null : toLocalDate(r[6]);
            return new ImplementationRow(((Number) r[0]).longValue(), (String) r[1], code,
                    names.computeIfAbsent(code, this::territoryName), ((Number) r[3]).longValue(),
                    r[4] == null ? null : ImplementationStatus.valueOf((String) r[4]),
                    r[5] == null ? null : ((Number) r[5]).intValue(), due, due != null && due.isBefore(today),
                    r[7] == null ? null : toInstant(r[7]));
        }).toList();
        long total = em.createQuery("select count(p) from Proposal p where p.status = :status"
                        + " and p.territoryCode like :prefix", Long.class)
                .setParameter("status", ProposalStatus.FUNDED).setParameter("prefix", prefix).getSingleResult();
        return new Page(page, total);
    }

    /**
     * One funded project of the caller's scope with its implementation (or none yet), for the editor.
     *
     * @throws NotFound      for an unknown proposal or one that is not funded
     * @throws AccessRefused outside the caller's scope
     */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public ImplementationView project(long proposalId) {
        Proposal p = proposals.find(proposalId).orElseThrow(() -> new NotFound("proposal " + proposalId));
        staff.requireScope(p.territory());
        if (p.status() != ProposalStatus.FUNDED) {
            throw new NotFound("funded proposal " + proposalId);
        }
        return Views.of(p, find(proposalId).orElse(null), photos(find(proposalId).orElse(null)),
                territoryName(p.territory().value()), today(), true);
    }

    /**
     * Overdue funded projects within a territory subtree, with the subtree's counts: the figures the dashboard shows.
     * Ministry analysts and admins may ask for any unit; akimat staff only for units within their scope.
     *
     * @param katoCode the unit, or {@code null}/blank for the caller's whole scope
     * @throws AccessRefused outside the caller's scope (also for a malformed code)
     */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    public OverdueReport overdue(String katoCode, int first, int size) {
        StaffScope scope = staff.callerScope();
        String prefix;
        String unit;
        if (katoCode == null || katoCode.isBlank()) {
            prefix = prefix(scope);
            unit = scope.kind() == StaffScope.Kind.SUBTREE ? scope.territory().value() : null;
        } else {
            if (!KatoCode.isWellFormed(katoCode.strip())) {
                throw new AccessRefused("staff.error.out-of-scope");
            }
            KatoCode code = KatoCode.of(katoCode.strip());
            staff.requireScope(code);
            prefix = code.significantPrefix() + "%";
            unit = code.value();
        }
        LocalDate today = today();
        Object[] counts = (Object[]) em.createNativeQuery("select count(*),"
                        + " count(i.id), count(*) filter (where i.status = 'COMPLETED'),"
                        + " count(*) filter (where i.due_date < ?2)"
                        + " from proposal p left join implementation i on i.proposal_id = p.id"
                        + " where p.status = 'FUNDED' and p.territory_code like ?1")
                .setParameter(1, prefix).setParameter(2, today).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> byTerritory = em.createNativeQuery("select i.territory_code, count(*) from implementation i"
                        + " join proposal p on p.id = i.proposal_id where p.status = 'FUNDED'"
                        + " and i.territory_code like ?1 and i.due_date < ?2 group by i.territory_code"
                        + " order by i.territory_code")
                .setParameter(1, prefix).setParameter(2, today).getResultList();
        Map<String, Long> perTerritory = new LinkedHashMap<>();
        byTerritory.forEach(r -> perTerritory.put(((String) r[0]).strip(), ((Number) r[1]).longValue()));
        List<Implementation> overdue = em.createQuery("select i from Implementation i join fetch i.proposal p"
                        + " where p.status = :funded and i.territoryCode like :prefix and i.dueDate < :today"
                        + " order by i.dueDate, p.id", Implementation.class)
                .setParameter("funded", ProposalStatus.FUNDED).setParameter("prefix", prefix)
                .setParameter("today", today).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.clamp(size, 1, 200)).getResultList();
        Map<String, LocalizedText> names = new LinkedHashMap<>();
        List<OverdueProject> projects = overdue.stream().map(i -> new OverdueProject(i.proposal().getId(),
                i.proposal().title().value(), i.territory().value(),
                names.computeIfAbsent(i.territory().value(), this::territoryName), i.status(), i.percentDone(),
                i.dueDate().orElseThrow(), ChronoUnit.DAYS.between(i.dueDate().orElseThrow(), today),
                i.milestones().stream().filter(m -> m.isOverdue(today)).count(), i.plannedCompletion())).toList();
        return new OverdueReport(unit, today, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue(),
                ((Number) counts[2]).longValue(), ((Number) counts[3]).longValue(), perTerritory, projects);
    }

    // ---------------------------------------------------------------- updates

    /**
     * Opens the implementation record of a funded project.
     *
     * @throws DomainRuleViolation {@code monitoring.error.already-started}, {@code monitoring.error.not-funded},
     *                             {@code monitoring.error.planned-completion}
     */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public void start(long proposalId, LocalDate plannedCompletion) {
        Proposal p = proposals.lock(proposalId);
        staff.requireScope(p.territory());
        if (find(proposalId).isPresent()) {
            throw new DomainRuleViolation("monitoring.error.already-started");
        }
        Implementation i = Implementation.start(p, plannedCompletion, caller(), clock.instant());
        em.persist(i);
        em.flush();
        audit.record(caller(), "monitoring.start", "Implementation", i.getId(), null, snapshot(i));
    }

    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public void planMilestone(long proposalId, String title, LocalDate plannedOn) {
        update(proposalId, "monitoring.milestone.plan", i -> i.planMilestone(title, plannedOn, caller(), clock.instant()));
    }

    /** @param doneOn the day it was done, {@code null} for today */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public void completeMilestone(long proposalId, int number, LocalDate doneOn) {
        update(proposalId, "monitoring.milestone.done",
                i -> i.completeMilestone(number, doneOn, today(), caller(), clock.instant()));
    }

    /**
     * Percentage done and money contracted and spent, with the note the rules may ask for.
     *
     * @throws DomainRuleViolation {@code monitoring.error.progress-required} when a figure is missing, or the
     *                             aggregate's refusal
     */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public void reportProgress(long proposalId, Integer percentDone, Long contracted, Long spent, String note) {
        if (percentDone == null || contracted == null || spent == null) {
            throw new DomainRuleViolation("monitoring.error.progress-required");
        }
        update(proposalId, "monitoring.progress",
                i -> i.reportProgress(percentDone, contracted, spent, note, caller(), clock.instant()));
    }

    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public void reschedule(long proposalId, LocalDate plannedCompletion, String reason) {
        update(proposalId, "monitoring.reschedule",
                i -> i.reschedule(plannedCompletion, reason, caller(), clock.instant()));
    }

    /** @param completedOn the day it was finished, {@code null} for today */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public void complete(long proposalId, LocalDate completedOn) {
        update(proposalId, "monitoring.complete", i -> i.complete(completedOn, today(), caller(), clock.instant()));
    }

    /**
     * Adds a photo with its caption. The bytes are checked like proposal attachments (type from the content, images
     * re-encoded, size and pixel limits), but only PNG and JPEG are accepted. A refusal leaves neither a row nor a file.
     *
     * @throws AttachmentRefused   {@code proposal.error.attachment-*} for a file the inspector refuses
     * @throws DomainRuleViolation {@code monitoring.error.photo-type}, {@code monitoring.error.photo-count},
     *                             {@code monitoring.error.photo-duplicate}, {@code monitoring.error.caption-*}
     */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public long addPhoto(long proposalId, String fileName, String caption, InputStream content) {
        Implementation i = lock(proposalId);
        String cleanedCaption = Implementation.cleanCaption(caption);
        long existing = em.createNamedQuery("ImplementationPhoto.countByImplementation", Long.class)
                .setParameter("implementationId", i.getId()).getSingleResult();
        if (existing >= settings.maxPhotos()) {
            throw new DomainRuleViolation("monitoring.error.photo-count", settings.maxPhotos());
        }
        AttachmentName.check(fileName);
        ContentInspector inspector = new ContentInspector(attachmentSettings.limits());
        Path received = store.newIncomingFile();
        Path checked = store.newIncomingFile();
        try {
            inspector.receive(content, received);
            ContentInspector.Inspection inspection;
            try {
                inspection = inspector.inspect(received, checked);
            } catch (AttachmentRefused e) {
                if (AttachmentRefused.TYPE.equals(e.messageKey())) {
                    throw new DomainRuleViolation("monitoring.error.photo-type");
                }
                throw e;
            }
            if (!inspection.type().isImage()) {
                throw new DomainRuleViolation("monitoring.error.photo-type");
            }
            if (em.createNamedQuery("ImplementationPhoto.countByImplementationAndSha256", Long.class)
                    .setParameter("implementationId", i.getId()).setParameter("sha256", inspection.sha256())
                    .getSingleResult() > 0) {
                throw new DomainRuleViolation("monitoring.error.photo-duplicate");
            }
            var before = snapshot(i);
            String key = store.keep(checked);
            Actor actor = caller();
            Instant now = clock.instant();
            ImplementationPhoto photo = ImplementationPhoto.of(i, cleanedCaption, inspection, key, actor, now);
            em.persist(photo);
            i.photoAdded(cleanedCaption, actor, now);
            em.flush();
            Map<String, Object> after = snapshot(i);
            after.put("photo", photo.getId());
            after.put("photoSha256", photo.sha256());
            audit.record(actor, "monitoring.photo.add", "Implementation", i.getId(), before, after);
            return photo.getId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(received);
            store.discard(checked);
        }
    }

    // ---------------------------------------------------------------- internals

    private void update(long proposalId, String action, Consumer<Implementation> change) {
        Implementation i = lock(proposalId);
        var before = snapshot(i);
        change.accept(i);
        em.flush();
        audit.record(caller(), action, "Implementation", i.getId(), before, snapshot(i));
    }

    /** The project's implementation, locked, after the scope check. */
    private Implementation lock(long proposalId) {
        Proposal p = proposals.find(proposalId).orElseThrow(() -> new NotFound("proposal " + proposalId));
        staff.requireScope(p.territory());
        return em.createNamedQuery("Implementation.findByProposal", Implementation.class)
                .setParameter("proposalId", proposalId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new DomainRuleViolation("monitoring.error.not-started"));
    }

    private Optional<Implementation> find(long proposalId) {
        return em.createNamedQuery("Implementation.findByProposal", Implementation.class)
                .setParameter("proposalId", proposalId).getResultStream().findFirst();
    }

    private List<ImplementationPhoto> photos(Implementation i) {
        if (i == null) {
            return List.of();
        }
        return em.createNamedQuery("ImplementationPhoto.findByImplementation", ImplementationPhoto.class)
                .setParameter("implementationId", i.getId()).getResultList();
    }

    private Actor caller() {
        return Actor.staff(session.getCallerPrincipal().getName());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalizedText territoryName(String code) {
        return territories.find(KatoCode.of(code))
                .map(t -> new LocalizedText(t.nameKk(), t.nameRu(), t.nameEn()))
                .orElseGet(() -> new LocalizedText(code, code, code));
    }

    private static String prefix(StaffScope scope) {
        return switch (scope.kind()) {
            case ALL -> "%";
            case SUBTREE -> scope.territory().significantPrefix() + "%";
            case NONE -> "-";
        };
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant toInstant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    static Map<String, Object> snapshot(Implementation i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proposal", i.proposal().getId());
        m.put("territory", i.territory().value());
        m.put("status", i.status().name());
        m.put("percentDone", i.percentDone());
        m.put("contracted", i.contracted());
        m.put("spent", i.spent());
        m.put("moneyNote", i.moneyNote().orElse(null));
        m.put("plannedCompletion", i.plannedCompletion().toString());
        m.put("completedOn", i.completedOn().map(LocalDate::toString).orElse(null));
        m.put("milestones", i.milestones().size());
        m.put("milestonesDone", i.milestones().stream().filter(x -> x.isDone()).count());
        m.put("updates", i.history().size());
        return m;
    }
}
