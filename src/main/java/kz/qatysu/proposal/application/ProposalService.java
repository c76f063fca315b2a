package kz.qatysu.proposal.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.citizen.application.CitizenRepository;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.domain.AuthorNotification;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.proposal.domain.Support;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.territory.domain.KatoCode;

/**
 * A citizen's own proposals: drafting, editing, submitting, withdrawing; supporting others' proposals; and the
 * notification list. The caller is always the logged-in citizen (their IIN is their user name), never an id from
 * the page, so nobody can act on someone else's proposal by crafting a request.
 */
@Stateless
@RolesAllowed(Roles.CITIZEN)
public class ProposalService {

    /** One of the caller's proposals, for the cabinet. */
    public record OwnProposal(long id, long roundId, String title, String status, long estimatedCost,
                              Long assessedCost, Instant updatedAt, boolean editable, boolean withdrawable) {
    }

    /** A proposal of the caller with everything the edit wizard needs. */
    public record Draft(long id, long roundId, String status, ProposalForm form, List<Comment> comments)
            implements java.io.Serializable {
    }

    /** A staff comment from the history (e.g. why it was returned). */
    public record Comment(String status, String text, Instant at) implements java.io.Serializable {
    }

    public record NotificationView(long id, long proposalId, String messageKey, String fromStatus, String toStatus,
                                   String comment, Instant at, boolean read) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @Inject
    private CitizenRepository citizens;
    @Inject
    private ProposalRepository proposals;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;

    /**
     * A new draft for a round of the caller's territory.
     *
     * @return the draft's id
     * @throws DomainRuleViolation {@code round.error.not-resident}, {@code proposal.error.round-not-accepting} or a
     *                             refusal of the content
     */
    public long draft(long roundId, ProposalForm form) {
        Citizen caller = caller();
        BudgetRound round = proposals.round(roundId);
        Actor actor = Actor.citizen(caller.getId());
        Proposal p = proposals.add(Proposal.draft(round, Proposer.citizen(caller.getId()), residence(caller),
                form.toContent(), actor, clock.instant()));
        audit.record(actor, "proposal.draft", "Proposal", p.getId(), null, ProposalSnapshots.of(p));
        return p.getId();
    }

    /** New content for a draft or a returned proposal. */
    public void edit(long proposalId, ProposalForm form) {
        act(proposalId, "proposal.edit", (p, actor) -> p.edit(form.toContent(), actor, clock.instant()));
    }

    public void submit(long proposalId) {
        act(proposalId, "proposal.submit", (p, actor) -> p.submit(actor, clock.instant()));
    }

    public void withdraw(long proposalId) {
        act(proposalId, "proposal.withdraw", (p, actor) -> p.withdraw(actor, clock.instant()));
    }

    /** The author's action on their own proposal, with the notifications it causes and its audit entry. */
    private void act(long proposalId, String action, java.util.function.BiConsumer<Proposal, Actor> change) {
        Citizen caller = caller();
        Proposal p = own(proposalId, caller);
        Actor actor = Actor.citizen(caller.getId());
        var before = ProposalSnapshots.of(p);
        change.accept(p, actor);
        proposals.storeNotifications(p);
        audit.record(actor, action, "Proposal", p.getId(), before, ProposalSnapshots.of(p));
    }

    /**
     * The caller supports a proposal collecting support in a round of their territory; once per person.
     *
     * @return the number of supporters after this one
     * @throws DomainRuleViolation {@code round.error.not-resident}, {@code proposal.error.support-closed},
     *                             {@code proposal.error.support-own}, {@code proposal.error.support-twice}
     */
    public long support(long proposalId) {
        Citizen caller = caller();
        Proposal p = proposals.lock(proposalId);
        p.round().requireResident(residence(caller));
        LocalDate today = LocalDate.ofInstant(clock.instant(), p.round().calendar().zone());
        if (caller.iin().ageOn(today) < p.round().minimumAge()) {
            throw new DomainRuleViolation("proposal.error.support-under-age", p.round().minimumAge());
        }
        boolean already = !em.createNamedQuery("Support.find", Support.class).setParameter("proposalId", proposalId)
                .setParameter("citizenId", caller.getId()).getResultList().isEmpty();
        if (already) {
            throw new DomainRuleViolation("proposal.error.support-twice");
        }
        em.persist(Support.of(p, caller.getId(), clock.instant()));
        em.flush();
        return supporters(proposalId);
    }

    public long supporters(long proposalId) {
        return em.createNamedQuery("Support.countByProposal", Long.class).setParameter("proposalId", proposalId)
                .getSingleResult();
    }

    public List<OwnProposal> mine() {
        Citizen caller = caller();
        return em.createNamedQuery("Proposal.findByAuthor", Proposal.class).setParameter("citizenId", caller.getId())
                .getResultStream()
                .map(p -> new OwnProposal(p.getId(), p.round().getId(), p.title().value(), p.status().name(),
                        p.estimatedCost(), p.assessedCost().orElse(null), p.updatedAt(), p.status().isEditable(),
                        p.status().canMoveTo(kz.qatysu.proposal.domain.ProposalStatus.WITHDRAWN)))
                .toList();
    }

    /** One of the caller's proposals as the edit wizard shows it. */
    public Draft own(long proposalId) {
        Proposal p = own(proposalId, caller());
        ProposalForm form = new ProposalForm(p.title().value(), p.description().value(), p.categoryCode(),
                p.location().address(), p.location().latitude().orElse(null), p.location().longitude().orElse(null),
                p.costEstimate().lines().stream()
                        .map(l -> new ProposalForm.Line(l.description(), l.quantity(), l.unitPrice())).toList(),
                p.coProposers().stream().map(b -> b.value()).sorted().toList());
        List<Comment> comments = p.history().stream().filter(c -> c.comment().isPresent())
                .map(c -> new Comment(c.to().name(), c.comment().orElseThrow(), c.at())).toList();
        return new Draft(p.getId(), p.round().getId(), p.status().name(), form, comments);
    }

    /** A round the caller may propose a project for now. */
    public record OpenRound(long id, String titleKk, String titleRu, String titleEn, String territory,
                            Long projectCostCap, List<Category> categories, Instant submissionEnds) {
    }

    public record Category(String code, String nameKk, String nameRu, String nameEn) implements java.io.Serializable {
    }

    /** A proposal collecting support in the caller's territory. */
    public record SupportItem(long id, long roundId, String title, long supporters, Integer threshold, boolean own,
                              boolean supportedByCaller) {
    }

    /** Rounds of the caller's territory (or a territory containing it) that accept proposals now. */
    public List<OpenRound> openRounds() {
        KatoCode residence = residence(caller());
        return em.createNamedQuery("BudgetRound.findByPhase", BudgetRound.class)
                .setParameter("phase", kz.qatysu.round.domain.Phase.PROPOSAL_SUBMISSION).getResultStream()
                .filter(r -> r.isResident(residence))
                .map(r -> new OpenRound(r.getId(), r.title().kk(), r.title().ru(), r.title().en(), r.territory().value(),
                        r.projectCostCap().orElse(null),
                        r.categories().stream().map(c -> new Category(c.code(), c.nameKk(), c.nameRu(), c.nameEn())).toList(),
                        r.nextPhase().flatMap(next -> r.calendar().startOf(next)).orElse(null)))
                .toList();
    }

    /** The categories of a round, for the wizard (any round: the choice is checked again on saving). */
    public List<Category> categories(long roundId) {
        return proposals.round(roundId).categories().stream()
                .map(c -> new Category(c.code(), c.nameKk(), c.nameRu(), c.nameEn())).toList();
    }

    /** Proposals collecting support in rounds the caller is a resident of, with their current counts. */
    public List<SupportItem> collectingSupport() {
        Citizen caller = caller();
        KatoCode residence = residence(caller);
        List<Proposal> collecting = em.createQuery("select p from Proposal p where p.status = :status order by p.submittedAt",
                        Proposal.class)
                .setParameter("status", kz.qatysu.proposal.domain.ProposalStatus.SUPPORT_COLLECTION).getResultList();
        return collecting.stream().filter(p -> p.round().isResident(residence))
                .map(p -> new SupportItem(p.getId(), p.round().getId(), p.title().value(), supporters(p.getId()),
                        p.round().supportThreshold().orElse(null),
                        p.proposer().citizenId().filter(id -> id.equals(caller.getId())).isPresent(),
                        !em.createNamedQuery("Support.find", Support.class).setParameter("proposalId", p.getId())
                                .setParameter("citizenId", caller.getId()).getResultList().isEmpty()))
                .toList();
    }

    // ---------------------------------------------------------------- notifications

    public List<NotificationView> notifications(int first, int size) {
        Citizen caller = caller();
        return em.createNamedQuery("AuthorNotification.findByRecipient", AuthorNotification.class)
                .setParameter("recipientId", caller.getId())
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.clamp(size, 1, 200))
                .getResultStream()
                .map(n -> new NotificationView(n.getId(), n.proposalId(), n.messageKey(),
                        n.from().map(Enum::name).orElse(null), n.to().name(), n.comment().orElse(null),
                        n.createdAt(), n.readAt().isPresent()))
                .toList();
    }

    public long unreadNotifications() {
        return em.createNamedQuery("AuthorNotification.countUnread", Long.class)
                .setParameter("recipientId", caller().getId()).getSingleResult();
    }

    public int markNotificationsRead() {
        return em.createNamedQuery("AuthorNotification.markAllRead")
                .setParameter("recipientId", caller().getId()).setParameter("now", clock.instant()).executeUpdate();
    }

    // ---------------------------------------------------------------- internals

    private Citizen caller() {
        return citizens.findCaller(session.getCallerPrincipal())
                .orElseThrow(() -> new AccessRefused("citizen.error.not-registered"));
    }

    private static KatoCode residence(Citizen c) {
        return KatoCode.of(c.residence().getCode());
    }

    /** The caller's proposal, locked; someone else's is reported as not found, not as forbidden. */
    private Proposal own(long proposalId, Citizen caller) {
        Optional<Proposal> found = proposals.find(proposalId)
                .filter(p -> p.proposer().citizenId().filter(id -> id.equals(caller.getId())).isPresent());
        if (found.isEmpty()) {
            throw new NotFound("proposal " + proposalId);
        }
        return proposals.lock(proposalId);
    }
}
