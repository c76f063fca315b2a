package kz.qatysu.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.audit.application.AuditLog;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsBostandykNeighbour;
import kz.qatysu.platform.testing.RunAsBostandykResident;
import kz.qatysu.platform.testing.RunAsBostandykReviewer;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.platform.testing.RunAsEsilResident;
import kz.qatysu.proposal.application.ProposalDecisions;
import kz.qatysu.proposal.application.ProposalForm;
import kz.qatysu.proposal.application.ProposalService;
import kz.qatysu.proposal.domain.IllegalProposalTransition;
import kz.qatysu.proposal.domain.RejectionReason;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundForm;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RulesFrozen;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proposal lifecycle through the services, as the pages drive it: residents draft, submit and support; the
 * akimat's moderators and reviewers of the territory decide; staff of another territory are refused whatever they
 * send; every refusal leaves the database as it was; authors are notified; the audit chain stays intact.
 */
@ExtendWith(ArquillianExtension.class)
public class ProposalWorkflowIT {

    private static final String BOSTANDYK = "751410000";
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(ProposalWorkflowIT.class);
    }

    @EJB
    private ProposalService proposals;
    @EJB
    private ProposalDecisions decisions;
    @EJB
    private RoundAdministration rounds;
    @EJB
    private RoundCatalog catalog;
    @EJB
    private AuditLog auditLog;
    @EJB
    private RunAsAdmin asAdmin;
    @EJB
    private RunAsBostandykResident asResident;
    @EJB
    private RunAsBostandykNeighbour asNeighbour;
    @EJB
    private RunAsEsilResident asEsilResident;
    @EJB
    private RunAsBostandykModerator asModerator;
    @EJB
    private RunAsBostandykReviewer asReviewer;
    @EJB
    private RunAsEsilModerator asEsilModerator;

    /** A Bostandyk round that accepts proposals now (its calendar put it there), optionally with support collection. */
    private long openRound(boolean withSupport) throws Exception {
        LocalDateTime now = LocalDateTime.now(ALMATY).truncatedTo(ChronoUnit.MINUTES);
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, now.minusDays(1));
        if (withSupport) {
            starts.put(Phase.SUPPORT_COLLECTION, now.plusDays(5));
        }
        starts.put(Phase.MODERATION_AND_REVIEW, now.plusDays(10));
        starts.put(Phase.VOTING, now.plusDays(20));
        starts.put(Phase.COUNTING, now.plusDays(30));
        starts.put(Phase.RESULTS_PUBLISHED, now.plusDays(35));
        starts.put(Phase.IMPLEMENTATION, now.plusDays(60));
        RoundForm form = new RoundForm(BOSTANDYK, "Сынақ бағдарламасы", "Тестовая программа", "Test round",
                "Сынақ", "Тест", null, 100_000_000L, 20_000_000L, 18, withSupport ? 1 : null, "Asia/Almaty", starts);
        return asAdmin.call(() -> {
            long id = rounds.create(form);
            rounds.defineCategories(id, List.of(new RoundForm.Category("parks", "Саябақтар", "Парки", "Parks", null)));
            rounds.chooseRules(id, new RoundForm.Ballot("APPROVAL", 1, 3, null, null, null), "greedy_cost");
            rounds.followCalendars();
            return id;
        });
    }

    private static ProposalForm form(String title, long unitPrice) {
        return new ProposalForm(title, "Саябаққа орындықтар орнату.\nСкамейки в сквере.", "parks",
                "Әл-Фараби даңғылы, 77", 43.218, 76.927,
                List.of(new ProposalForm.Line("Орындықтар / Скамейки", 10L, unitPrice)), List.of("940140000385"));
    }

    private static long count(String sql, Object... args) throws Exception {
        return Database.count(sql, args);
    }

    private static String status(long proposalId) throws Exception {
        try (var c = Database.connect(); var s = c.prepareStatement("select status from proposal where id = ?")) {
            s.setLong(1, proposalId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    @Test
    public void aResidentsProposalGoesThroughModerationAndReviewWithNotificationsAndAudit() throws Exception {
        long round = openRound(false);
        assertThat(catalog.round(round).orElseThrow().phase()).isEqualTo("proposal-submission");
        long audit0 = count("select count(*) from audit_entry");

        long id = asResident.call(() -> proposals.draft(round, form("Саябаққа орындықтар", 150_000)));
        asResident.call(() -> {
            proposals.edit(id, form("Саябаққа орындықтар мен жарық", 200_000));
            proposals.submit(id);
            return null;
        });
        assertThat(status(id)).isEqualTo("SUBMITTED");

        asAdmin.call(() -> rounds.advance(round));
        assertThat(catalog.round(round).orElseThrow().phase()).isEqualTo("moderation-and-review");

        asModerator.call(() -> {
            decisions.startModeration(id);
            decisions.accept(id);
            return null;
        });
        asReviewer.call(() -> {
            decisions.startReview(id);
            decisions.markFeasible(id, 1_800_000L, "Смета тексерілді");
            return null;
        });
        assertThat(status(id)).isEqualTo("FEASIBLE");
        assertThat(count("select assessed_cost from proposal where id = ?", id)).isEqualTo(1_800_000L);

        // The author sees every change in the cabinet, newest first, and can mark them read.
        List<ProposalService.NotificationView> notes = asResident.call(() -> proposals.notifications(0, 50));
        assertThat(notes).filteredOn(n -> n.proposalId() == id).extracting(ProposalService.NotificationView::toStatus)
                .containsSubsequence("FEASIBLE", "UNDER_REVIEW", "ACCEPTED", "UNDER_MODERATION", "SUBMITTED");
        assertThat(asResident.call(() -> proposals.unreadNotifications())).isPositive();
        asResident.call(() -> proposals.markNotificationsRead());
        assertThat(asResident.call(() -> proposals.unreadNotifications())).isZero();

        // It is public now, with the assessed cost.
        assertThat(catalog.proposals(round, 0, 20).orElseThrow().items())
                .anySatisfy(p -> {
                    assertThat(p.id()).isEqualTo(id);
                    assertThat(p.assessedCost()).isEqualTo(1_800_000L);
                });

        // draft, edit, submit, phase, start, accept, start review, feasible — each in the chain, which verifies.
        assertThat(count("select count(*) from audit_entry")).isGreaterThanOrEqualTo(audit0 + 8);
        assertThat(count("select count(*) from audit_entry where entity_type = 'Proposal' and entity_id = ?",
                String.valueOf(id))).isEqualTo(7);
        assertThat(count("select count(*) from audit_entry where entity_id = ? and action = 'proposal.review.feasible'"
                + " and actor = 'staff:reviewer.bostandyk' and before_json like '%UNDER_REVIEW%'"
                + " and after_json like '%FEASIBLE%'", String.valueOf(id))).isEqualTo(1);
        AuditLog.ChainCheck check = asAdmin.call(() -> auditLog.verify());
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isEqualTo(count("select count(*) from audit_entry"));

        // Voting opens: the proposal goes on the ballot and the rules freeze; changing them is refused.
        asAdmin.call(() -> rounds.advance(round));
        assertThat(status(id)).isEqualTo("ON_BALLOT");
        RoundCatalog.RoundView frozen = catalog.round(round).orElseThrow();
        assertThat(frozen.manifestSha256()).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> asAdmin.call(() -> {
            rounds.chooseRules(round, new RoundForm.Ballot("APPROVAL", 1, 5, null, null, null), "greedy_cost");
            return null;
        })).isInstanceOf(RulesFrozen.class);
        assertThat(catalog.round(round).orElseThrow().manifestSha256()).isEqualTo(frozen.manifestSha256());
    }

    @Test
    public void staffOfAnotherTerritoryAreRefusedAndNothingChanges() throws Exception {
        long round = openRound(false);
        long id = asResident.call(() -> {
            long p = proposals.draft(round, form("Аулаға гүлзар", 100_000));
            proposals.submit(p);
            return p;
        });
        asAdmin.call(() -> rounds.advance(round));
        long audit = count("select count(*) from audit_entry");
        long notes = count("select count(*) from notification where proposal_id = ?", id);

        assertThatThrownBy(() -> asEsilModerator.call(() -> {
            decisions.startModeration(id);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsilModerator.call(() -> decisions.proposal(id))).isInstanceOf(AccessRefused.class);
        assertThat(asEsilModerator.call(() -> decisions.queue(kz.qatysu.proposal.domain.ProposalStatus.SUBMITTED, 0, 200)
                .items())).noneMatch(q -> q.id() == id);
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(count("select count(*) from audit_entry")).isEqualTo(audit);
        assertThat(count("select count(*) from notification where proposal_id = ?", id)).isEqualTo(notes);

        // A moderator may not record feasibility, a reviewer may not moderate.
        assertThatThrownBy(() -> asModerator.call(() -> {
            decisions.startReview(id);
            return null;
        })).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> asReviewer.call(() -> {
            decisions.startModeration(id);
            return null;
        })).isInstanceOf(EJBAccessException.class);

        // Illegal transitions fail on the entity; a reject without a reason code is refused.
        assertThatThrownBy(() -> asModerator.call(() -> {
            decisions.accept(id);
            return null;
        })).isInstanceOf(IllegalProposalTransition.class);
        asModerator.call(() -> {
            decisions.startModeration(id);
            return null;
        });
        assertThatThrownBy(() -> asModerator.call(() -> {
            decisions.returnForChanges(id, "   \u200B ");
            return null;
        })).isInstanceOf(DomainRuleViolation.class).extracting(e -> ((DomainRuleViolation) e).messageKey())
                .isEqualTo("proposal.error.comment-blank");
        assertThatThrownBy(() -> asModerator.call(() -> {
            decisions.reject(id, RejectionReason.INSUFFICIENT_SUPPORT, null);
            return null;
        })).isInstanceOf(DomainRuleViolation.class);
        assertThat(status(id)).isEqualTo("UNDER_MODERATION");
        asModerator.call(() -> {
            decisions.reject(id, RejectionReason.OUTSIDE_COMPETENCE, "Жеке меншік жер");
            return null;
        });
        assertThat(status(id)).isEqualTo("REJECTED");
    }

    @Test
    public void residentsOnlyActOnTheirOwnProposalsInTheirOwnTerritory() throws Exception {
        long round = openRound(false);
        long before = count("select count(*) from proposal");

        assertThatThrownBy(() -> asEsilResident.call(() -> proposals.draft(round, form("Есілден ұсыныс", 100_000))))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey()).isEqualTo("round.error.not-resident");
        long id = asResident.call(() -> proposals.draft(round, form("Менің ұсынысым", 100_000)));
        assertThatThrownBy(() -> asEsilResident.call(() -> {
            proposals.edit(id, form("Ұрланған", 100_000));
            return null;
        })).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> asNeighbour.call(() -> {
            proposals.withdraw(id);
            return null;
        })).isInstanceOf(NotFound.class);
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(count("select count(*) from proposal where title = 'Ұрланған'")).isZero();

        // Bad input: refused with the key of the part at fault, nothing written.
        String megabyte = "А".repeat(1_048_576);
        assertRefused(() -> proposals.draft(round, form(megabyte, 100_000)), "proposal.error.title-too-long");
        assertRefused(() -> proposals.draft(round, form(" \u200B\u202E ", 100_000)), "proposal.error.title-blank");
        assertRefused(() -> proposals.draft(round, form("Қымбат жоба", 3_000_000)), "proposal.error.cost-over-cap");
        assertRefused(() -> proposals.draft(round, form("Теріс баға", -5)), "proposal.error.cost-line-unit-price");
        assertThat(count("select count(*) from proposal")).isEqualTo(before + 1);

        // Bidi overrides and zero-width characters are taken out of what is stored; markup is stored as text.
        long tidy = asResident.call(() -> proposals.draft(round, form("Сая\u200Bбақ \u202Eорындықтар\u202C <script>alert(1)</script>", 100_000)));
        try (var c = Database.connect(); var s = c.prepareStatement("select title from proposal where id = ?")) {
            s.setLong(1, tidy);
            try (var r = s.executeQuery()) {
                r.next();
                assertThat(r.getString(1)).doesNotContain("\u200B", "\u202E", "\u202C").contains("<script>");
            }
        }
    }

    private void assertRefused(java.util.concurrent.Callable<?> call, String key) {
        assertThatThrownBy(() -> asResident.call(call)).isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey()).isEqualTo(key);
    }

    @Test
    public void supportIsCountedOncePerResidentAndDecidesWhoGoesToModeration() throws Exception {
        long round = openRound(true);
        long[] ids = asResident.call(() -> {
            long a = proposals.draft(round, form("Қолдау жинайтын жоба", 100_000));
            long b = proposals.draft(round, form("Қолдаусыз жоба", 100_000));
            proposals.submit(a);
            proposals.submit(b);
            return new long[]{a, b};
        });
        asAdmin.call(() -> rounds.advance(round));
        assertThat(status(ids[0])).isEqualTo("SUPPORT_COLLECTION");

        assertThat(asNeighbour.call(() -> proposals.support(ids[0]))).isEqualTo(1L);
        assertThatThrownBy(() -> asNeighbour.call(() -> proposals.support(ids[0])))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey()).isEqualTo("proposal.error.support-twice");
        assertThatThrownBy(() -> asResident.call(() -> proposals.support(ids[0])))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey()).isEqualTo("proposal.error.support-own");
        assertThatThrownBy(() -> asEsilResident.call(() -> proposals.support(ids[0])))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).messageKey()).isEqualTo("round.error.not-resident");
        assertThat(count("select count(*) from proposal_support where proposal_id = ?", ids[0])).isEqualTo(1);
        assertThat(asNeighbour.call(() -> proposals.collectingSupport())).anySatisfy(s -> {
            assertThat(s.id()).isEqualTo(ids[0]);
            assertThat(s.supportedByCaller()).isTrue();
        });

        asAdmin.call(() -> rounds.advance(round));
        assertThat(status(ids[0])).isEqualTo("UNDER_MODERATION");
        assertThat(status(ids[1])).isEqualTo("REJECTED");
        assertThat(count("select count(*) from proposal where id = ? and rejection_reason = 'INSUFFICIENT_SUPPORT'", ids[1]))
                .isEqualTo(1);
    }
}
