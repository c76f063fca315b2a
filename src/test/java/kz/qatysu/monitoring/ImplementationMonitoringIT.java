package kz.qatysu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.monitoring.application.ImplementationCatalog;
import kz.qatysu.monitoring.application.ImplementationService;
import kz.qatysu.monitoring.application.ImplementationView;
import kz.qatysu.monitoring.application.ImplementationView.UpdateView;
import kz.qatysu.monitoring.application.OverdueReport;
import kz.qatysu.monitoring.domain.Implementation;
import kz.qatysu.monitoring.domain.ImplementationStatus;
import kz.qatysu.monitoring.domain.UpdateKind;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsBostandykResident;
import kz.qatysu.platform.testing.RunAsBostandykReviewer;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.proposal.attachment.application.AttachmentStore;
import kz.qatysu.proposal.attachment.domain.AttachmentFixtures;
import kz.qatysu.proposal.attachment.domain.AttachmentRefused;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.voting.VotingRoundFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Implementation monitoring against the real schema ({@code sql/V010}), the attachment store and the staff scopes of
 * the demo accounts: Bostandyk staff keep the record of a Bostandyk funded project and the public sees it without
 * names; Esil staff are refused it whatever they call; bad input is refused with its message key and changes
 * nothing; the overdue report counts a subtree. Each test funds projects of its own (a round of its own, counted by
 * hand and moved on to implementation, so the close-round job never picks it up).
 */
@ExtendWith(ArquillianExtension.class)
public class ImplementationMonitoringIT {

    private static final String BOSTANDYK = "751410000";
    private static final String ESIL = "711210000";
    private static final Actor COUNTING = Actor.system("monitoring-it");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(ImplementationMonitoringIT.class).addClasses(VotingRoundFixture.class,
                VotingRoundFixture.TestRound.class, SyntheticIins.class, AttachmentFixtures.class,
                AttachmentFixtures.EndlessStream.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @EJB
    private ImplementationService implementations;
    @EJB
    private ImplementationCatalog catalog;
    @EJB
    private RunAsBostandykModerator bostandyk;
    @EJB
    private RunAsBostandykReviewer bostandykReviewer;
    @EJB
    private RunAsEsilModerator esil;
    @EJB
    private RunAsAdmin admin;
    @EJB
    private RunAsBostandykResident resident;
    @Inject
    private AttachmentStore store;

    private <T> T inTransaction(Callable<T> work) throws Exception {
        return Transactions.inTransaction(tx, work);
    }

    /** A funded project of the territory: the first of a round of its own, on the ballot, counted and funded. */
    private long funded(String kato) throws Exception {
        var round = inTransaction(() -> VotingRoundFixture.inVoting(em, kato, BallotRule.approval(1, 3), 50_000_000L,
                8_000_000L, 6_000_000L));
        return inTransaction(() -> {
            BudgetRound r = em.find(BudgetRound.class, round.id());
            Instant now = Instant.now();
            r.advanceTo(Phase.COUNTING, now, COUNTING);
            Proposal p = em.find(Proposal.class, round.onBallot().getFirst());
            p.recordResult(true, COUNTING, now);
            Proposal other = em.find(Proposal.class, round.onBallot().get(1));
            other.recordResult(false, COUNTING, now);
            r.advanceTo(Phase.RESULTS_PUBLISHED, now, COUNTING);
            r.advanceTo(Phase.IMPLEMENTATION, now, COUNTING);
            p.pullNotifications();
            other.pullNotifications();
            return p.getId();
        });
    }

    private long notFundedOf(long fundedId) {
        return ((Number) em.createNativeQuery("select id from proposal where status = 'NOT_FUNDED' and round_id ="
                + " (select round_id from proposal where id = ?1)").setParameter(1, fundedId).getSingleResult())
                .longValue();
    }

    private Implementation record(long proposalId) {
        em.getEntityManagerFactory().getCache().evictAll();
        return em.createNamedQuery("Implementation.findByProposal", Implementation.class)
                .setParameter("proposalId", proposalId).getResultStream().findFirst().orElse(null);
    }

    private long audited(long proposalId) {
        Implementation i = record(proposalId);
        return i == null ? 0 : em.createQuery("select count(a) from AuditEntry a where a.entityType = 'Implementation'"
                + " and a.entityId = :id", Long.class).setParameter("id", i.getId().toString()).getSingleResult();
    }

    private long photos(long proposalId) {
        return ((Number) em.createNativeQuery("select count(*) from implementation_photo ph join implementation i"
                        + " on i.id = ph.implementation_id where i.proposal_id = ?1")
                .setParameter(1, proposalId).getSingleResult()).longValue();
    }

    private long filesInStore() throws IOException {
        Path root = store.path("0".repeat(64)).getParent().getParent().getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static void assertRefused(Callable<?> action, String key) {
        assertThatThrownBy(action::call).isInstanceOfSatisfying(DomainRuleViolation.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    // ---------------------------------------------------------------- the journey

    @Test
    public void bostandykStaffKeepTheRecordAndThePublicTimelineShowsItWithoutNames() throws Exception {
        long id = funded(BOSTANDYK);
        assertThat(catalog.timeline(id)).isEmpty();

        bostandyk.call(() -> {
            implementations.start(id, TODAY.plusMonths(3));
            implementations.planMilestone(id, "Келісімшартқа қол қойылды", TODAY.minusDays(2));
            implementations.planMilestone(id, "Іргетас құйылды", TODAY.plusMonths(1));
            implementations.completeMilestone(id, 1, null);
            implementations.reportProgress(id, 35, 7_900_000L, 2_000_000L, null);
            return implementations.addPhoto(id, "алаң.jpg", "Жұмыс басталды <b>1</b>",
                    new ByteArrayInputStream(AttachmentFixtures.jpegWithExif(64, 48)));
        });
        // Reviewers of the territory keep it too.
        bostandykReviewer.call(() -> {
            implementations.reportProgress(id, 40, 7_900_000L, 2_500_000L, null);
            return null;
        });

        ImplementationView staffView = bostandyk.call(() -> implementations.project(id));
        assertThat(staffView.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        assertThat(staffView.percentDone()).isEqualTo(40);
        assertThat(staffView.history()).extracting(UpdateView::actor)
                .contains("staff:moderator.bostandyk", "staff:reviewer.bostandyk");

        ImplementationView timeline = catalog.timeline(id).orElseThrow();
        assertThat(timeline.percentDone()).isEqualTo(40);
        assertThat(timeline.contracted()).isEqualTo(7_900_000L);
        assertThat(timeline.spent()).isEqualTo(2_500_000L);
        assertThat(timeline.overdue()).isFalse();
        assertThat(timeline.milestones()).extracting(ImplementationView.MilestoneView::title)
                .containsExactly("Келісімшартқа қол қойылды", "Іргетас құйылды");
        assertThat(timeline.milestones().getFirst().doneOn()).isEqualTo(TODAY);
        assertThat(timeline.photos()).singleElement()
                .satisfies(ph -> assertThat(ph.caption()).isEqualTo("Жұмыс басталды <b>1</b>"));
        assertThat(timeline.timeline()).extracting(UpdateView::kind).containsExactly(UpdateKind.PROGRESS,
                UpdateKind.PHOTO, UpdateKind.PROGRESS, UpdateKind.MILESTONE_DONE, UpdateKind.MILESTONE_PLANNED,
                UpdateKind.MILESTONE_PLANNED, UpdateKind.STARTED);
        assertThat(timeline.history()).allSatisfy(u -> assertThat(u.actor()).isNull());

        var photo = catalog.photo(timeline.photos().getFirst().id()).orElseThrow();
        assertThat(photo.mediaType()).isEqualTo("image/jpeg");
        byte[] stored = Files.readAllBytes(photo.file());
        // Re-encoded from the pixels: the EXIF block (with its GPS position) is gone.
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        assertThat(audited(id)).isEqualTo(7);
    }

    @Test
    public void completionNeedsEveryMilestoneAndAHundredPercentThenOnlyPhotosFollow() throws Exception {
        long id = funded(BOSTANDYK);
        bostandyk.call(() -> {
            implementations.start(id, TODAY.plusMonths(2));
            implementations.planMilestone(id, "Жабдық орнатылды", TODAY.plusDays(10));
            implementations.reportProgress(id, 100, 8_000_000L, 8_000_000L, null);
            return null;
        });
        assertRefused(() -> bostandyk.call(() -> {
            implementations.complete(id, null);
            return null;
        }), "monitoring.error.complete-milestones");

        bostandyk.call(() -> {
            implementations.completeMilestone(id, 1, null);
            implementations.complete(id, null);
            return null;
        });

        assertThat(catalog.timeline(id).orElseThrow().status()).isEqualTo(ImplementationStatus.COMPLETED);
        assertRefused(() -> bostandyk.call(() -> {
            implementations.reportProgress(id, 100, 9_000_000L, 8_000_000L, "x");
            return null;
        }), "monitoring.error.completed");
        bostandyk.call(() -> implementations.addPhoto(id, "ашылу.png", "Ашылу",
                new ByteArrayInputStream(AttachmentFixtures.png(30, 20, 7))));
        assertThat(photos(id)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- scope

    @Test
    public void esilStaffAreRefusedABostandykProjectWhateverTheyCallAndNothingChanges() throws Exception {
        long id = funded(BOSTANDYK);
        bostandyk.call(() -> {
            implementations.start(id, TODAY.plusMonths(3));
            implementations.planMilestone(id, "Келісімшарт", TODAY.plusDays(5));
            return null;
        });
        Implementation before = record(id);
        int updates = before.history().size();
        long audit = audited(id);
        long files = filesInStore();

        assertThatThrownBy(() -> esil.call(() -> implementations.project(id))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> esil.call(() -> {
            implementations.planMilestone(id, "Бөтен", TODAY);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> esil.call(() -> {
            implementations.completeMilestone(id, 1, null);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> esil.call(() -> {
            implementations.reportProgress(id, 90, 1L, 1L, null);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> esil.call(() -> {
            implementations.reschedule(id, TODAY.plusYears(1), "бөтен");
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> esil.call(() -> implementations.addPhoto(id, "x.png", "бөтен",
                new ByteArrayInputStream(AttachmentFixtures.png(10, 10, 3))))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> esil.call(() -> implementations.overdue(BOSTANDYK, 0, 10)))
                .isInstanceOf(AccessRefused.class);
        assertThat(esil.call(() -> implementations.funded(0, 200)).rows())
                .noneMatch(r -> r.proposalId() == id);
        // Another Bostandyk project not yet started: Esil staff cannot start it either.
        long other = funded(BOSTANDYK);
        assertThatThrownBy(() -> esil.call(() -> {
            implementations.start(other, TODAY.plusMonths(1));
            return null;
        })).isInstanceOf(AccessRefused.class);
        // Citizens reach no staff method at all.
        assertThatThrownBy(() -> resident.call(() -> implementations.project(id)))
                .isInstanceOf(EJBException.class);

        Implementation after = record(id);
        assertThat(after.history()).hasSize(updates);
        assertThat(after.percentDone()).isZero();
        assertThat(after.milestones()).singleElement().satisfies(m -> assertThat(m.isDone()).isFalse());
        assertThat(after.plannedCompletion()).isEqualTo(TODAY.plusMonths(3));
        assertThat(audited(id)).isEqualTo(audit);
        assertThat(photos(id)).isZero();
        assertThat(record(other)).isNull();
        assertThat(filesInStore()).isEqualTo(files);
        // Admins act everywhere.
        assertThat(admin.call(() -> implementations.project(id)).started()).isTrue();
    }

    // ---------------------------------------------------------------- bad input

    @Test
    public void invalidInputIsRefusedWithItsMessageKeyAndNothingIsStored() throws Exception {
        long id = funded(BOSTANDYK);
        long notFunded = notFundedOf(id);
        assertRefused(() -> bostandyk.call(() -> {
            implementations.planMilestone(id, "Ерте", TODAY);
            return null;
        }), "monitoring.error.not-started");
        assertRefused(() -> bostandyk.call(() -> {
            implementations.start(id, null);
            return null;
        }), "monitoring.error.planned-completion");
        assertRefused(() -> bostandyk.call(() -> {
            implementations.start(notFunded, TODAY);
            return null;
        }), "monitoring.error.not-funded");
        assertThatThrownBy(() -> bostandyk.call(() -> implementations.project(notFunded)))
                .isInstanceOf(NotFound.class);
        bostandyk.call(() -> {
            implementations.start(id, TODAY.plusMonths(3));
            implementations.reportProgress(id, 20, 5_000_000L, 1_000_000L, null);
            return null;
        });
        assertRefused(() -> bostandyk.call(() -> {
            implementations.start(id, TODAY.plusMonths(3));
            return null;
        }), "monitoring.error.already-started");
        int updates = record(id).history().size();
        long audit = audited(id);
        long files = filesInStore();

        assertRefused(() -> progress(id, 101, 5_000_000L, 1_000_000L, null), "monitoring.error.percent-range");
        assertRefused(() -> progress(id, -1, 5_000_000L, 1_000_000L, null), "monitoring.error.percent-range");
        assertRefused(() -> progress(id, 10, 5_000_000L, 1_000_000L, null), "monitoring.error.percent-decrease-note");
        assertRefused(() -> progress(id, 30, -5_000_000L, 1_000_000L, null), "monitoring.error.money-negative");
        assertRefused(() -> progress(id, 30, 5_000_000L, -1L, null), "monitoring.error.money-negative");
        assertRefused(() -> progress(id, 30, 5_000_000L, 6_000_000L, null), "monitoring.error.overspend-note");
        assertRefused(() -> progress(id, 30, 9_000_000L, 1_000_000L, " "), "monitoring.error.over-assessed-note");
        assertRefused(() -> progress(id, 30, null, 1_000_000L, null), "monitoring.error.progress-required");
        assertRefused(() -> bostandyk.call(() -> {
            implementations.completeMilestone(id, 9, null);
            return null;
        }), "monitoring.error.milestone-unknown");
        assertRefused(() -> bostandyk.call(() -> {
            implementations.planMilestone(id, "\u202e\u200b ", TODAY);
            return null;
        }), "monitoring.error.milestone-title-blank");

        // Photos: only real PNG/JPEG images, within the limits, with a caption and a harmless name.
        assertRefused(() -> photo(id, "logo.svg", "Сызба", AttachmentFixtures.svgWithScript()), "monitoring.error.photo-type");
        assertRefused(() -> photo(id, "photo.jpg", "Сызба", AttachmentFixtures.html()), "monitoring.error.photo-type");
        assertRefused(() -> photo(id, "anim.gif", "Сызба", AttachmentFixtures.gif(8, 8)), "monitoring.error.photo-type");
        assertRefused(() -> photo(id, "smeta.png", "Смета", AttachmentFixtures.pdf()), "monitoring.error.photo-type");
        assertRefused(() -> photo(id, "photo.jpg", "Сурет", AttachmentFixtures.elf()), "monitoring.error.photo-type");
        assertRefused(() -> photo(id, "forged.png", "Сурет",
                AttachmentFixtures.concat(AttachmentFixtures.pngHeader(10, 10), "garbage".getBytes())),
                AttachmentRefused.UNREADABLE);
        assertRefused(() -> photo(id, "bomb.png", "Сурет", AttachmentFixtures.pngHeader(100_000, 100_000)),
                AttachmentRefused.IMAGE_TOO_BIG);
        assertRefused(() -> bostandyk.call(() -> implementations.addPhoto(id, "huge.png", "Сурет",
                new AttachmentFixtures.EndlessStream())), AttachmentRefused.TOO_LARGE);
        assertRefused(() -> photo(id, "../../WEB-INF/x.png", "Сурет", AttachmentFixtures.png(8, 8, 1)),
                AttachmentRefused.NAME);
        assertRefused(() -> photo(id, "ok.png", " \u200b ", AttachmentFixtures.png(8, 8, 1)),
                "monitoring.error.caption-blank");
        assertRefused(() -> photo(id, "ok.png", "я".repeat(301), AttachmentFixtures.png(8, 8, 1)),
                "monitoring.error.caption-too-long");

        Implementation after = record(id);
        assertThat(after.history()).hasSize(updates);
        assertThat(after.percentDone()).isEqualTo(20);
        assertThat(after.contracted()).isEqualTo(5_000_000L);
        assertThat(after.spent()).isEqualTo(1_000_000L);
        assertThat(after.milestones()).isEmpty();
        assertThat(audited(id)).isEqualTo(audit);
        assertThat(photos(id)).isZero();
        assertThat(filesInStore()).isEqualTo(files);

        // The same photo twice: the second is refused.
        byte[] png = AttachmentFixtures.png(12, 12, 5);
        photo(id, "a.png", "Бірінші", png);
        assertRefused(() -> photo(id, "b.png", "Екінші", png), "monitoring.error.photo-duplicate");
        assertThat(photos(id)).isEqualTo(1);
    }

    private Object progress(long id, Integer percent, Long contracted, Long spent, String note) throws Exception {
        return bostandyk.call(() -> {
            implementations.reportProgress(id, percent, contracted, spent, note);
            return null;
        });
    }

    private Object photo(long id, String name, String caption, byte[] content) throws Exception {
        return bostandyk.call(() -> implementations.addPhoto(id, name, caption, new ByteArrayInputStream(content)));
    }

    // ---------------------------------------------------------------- overdue

    @Test
    public void theOverdueReportFlagsProjectsPastAMilestoneOrTheirCompletionWithinTheSubtree() throws Exception {
        long late = funded(BOSTANDYK);
        long lateMilestone = funded(BOSTANDYK);
        long onTime = funded(BOSTANDYK);
        long esilLate = funded(ESIL);
        bostandyk.call(() -> {
            implementations.start(late, TODAY.minusDays(3));
            implementations.start(lateMilestone, TODAY.plusMonths(6));
            implementations.planMilestone(lateMilestone, "Жобалау", TODAY.minusDays(10));
            implementations.planMilestone(lateMilestone, "Құрылыс", TODAY.plusMonths(2));
            implementations.start(onTime, TODAY.plusMonths(6));
            implementations.planMilestone(onTime, "Жобалау", TODAY);
            return null;
        });
        esil.call(() -> {
            implementations.start(esilLate, TODAY.minusDays(1));
            return null;
        });

        OverdueReport report = bostandyk.call(() -> implementations.overdue(null, 0, 200));

        assertThat(report.territory()).isEqualTo(BOSTANDYK);
        assertThat(report.projects()).extracting(OverdueReport.OverdueProject::proposalId)
                .contains(late, lateMilestone).doesNotContain(onTime, esilLate);
        var milestone = report.projects().stream().filter(p -> p.proposalId() == lateMilestone).findFirst().orElseThrow();
        assertThat(milestone.dueDate()).isEqualTo(TODAY.minusDays(10));
        assertThat(milestone.daysOverdue()).isEqualTo(10);
        assertThat(milestone.overdueMilestones()).isEqualTo(1);
        assertThat(report.overdue()).isEqualTo(report.projects().size());
        assertThat(report.funded()).isGreaterThanOrEqualTo(report.monitored());
        assertThat(report.monitored()).isGreaterThanOrEqualTo(report.overdue() + 1);
        assertThat(report.overdueByTerritory()).containsKey(BOSTANDYK).doesNotContainKey(ESIL);
        assertThat(report.overdueByTerritory().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(report.overdue());
        // The staff list flags them too, overdue first.
        var rows = bostandyk.call(() -> implementations.funded(0, 200)).rows();
        assertThat(rows.stream().filter(r -> r.proposalId() == late).findFirst().orElseThrow().overdue()).isTrue();
        assertThat(rows.stream().filter(r -> r.proposalId() == onTime).findFirst().orElseThrow().overdue()).isFalse();
        assertThat(rows.getFirst().overdue()).isTrue();

        // A completed project is never overdue, whatever its dates were.
        bostandyk.call(() -> {
            implementations.reportProgress(late, 100, 8_000_000L, 8_000_000L, null);
            implementations.complete(late, null);
            return null;
        });
        assertThat(bostandyk.call(() -> implementations.overdue(BOSTANDYK, 0, 200)).projects())
                .extracting(OverdueReport.OverdueProject::proposalId).doesNotContain(late).contains(lateMilestone);

        // Admins (and ministry analysts) see the country; Esil staff their own district only.
        OverdueReport country = admin.call(() -> implementations.overdue(null, 0, 200));
        assertThat(country.territory()).isNull();
        assertThat(country.projects()).extracting(OverdueReport.OverdueProject::proposalId)
                .contains(lateMilestone, esilLate);
        assertThat(esil.call(() -> implementations.overdue(ESIL, 0, 200)).projects())
                .extracting(OverdueReport.OverdueProject::proposalId).contains(esilLate).doesNotContain(lateMilestone);
        assertThatThrownBy(() -> esil.call(() -> implementations.overdue("75141000'; drop table x", 0, 10)))
                .isInstanceOf(AccessRefused.class);
    }
}
