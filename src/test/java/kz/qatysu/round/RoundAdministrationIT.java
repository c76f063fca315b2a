package kz.qatysu.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import kz.qatysu.audit.application.AuditLog;
import kz.qatysu.citizen.application.CitizenService;
import kz.qatysu.citizen.application.IdentityClaims;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsCitizen;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.proposal.domain.ProposalTitle;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.round.application.AdminRoundView;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.application.RoundForm;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RulesFrozen;
import kz.qatysu.territory.domain.KatoCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Round administration through its service, in the container against PostgreSQL: setting a round up, the phase
 * steps by an operator and by the calendar, the rules frozen into the manifest when voting opens, and the audit log.
 */
@ExtendWith(ArquillianExtension.class)
public class RoundAdministrationIT {

    private static final String BOSTANDYK = "751410000";
    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final Actor MODERATOR = Actor.staff("moderator.bostandyk");
    private static final Actor REVIEWER = Actor.staff("reviewer.bostandyk");

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(RoundAdministrationIT.class, SyntheticIins.class);
    }

    @EJB
    private RoundAdministration rounds;
    @EJB
    private AuditLog auditLog;
    @EJB
    private CitizenService citizens;
    @EJB
    private RunAsAdmin asAdmin;
    @EJB
    private RunAsBostandykModerator asModerator;
    @EJB
    private RunAsCitizen asCitizen;
    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;

    // ---------------------------------------------------------------- helpers

    /** Phase starts from {@code first} (proposal submission), one phase every ten days. */
    private static Map<Phase, LocalDateTime> calendarFrom(LocalDateTime first) {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, first);
        starts.put(Phase.MODERATION_AND_REVIEW, first.plusDays(10));
        starts.put(Phase.VOTING, first.plusDays(20));
        starts.put(Phase.COUNTING, first.plusDays(30));
        starts.put(Phase.RESULTS_PUBLISHED, first.plusDays(40));
        starts.put(Phase.IMPLEMENTATION, first.plusDays(50));
        return starts;
    }

    private static LocalDateTime nowInAlmaty() {
        return LocalDateTime.now(ALMATY).truncatedTo(ChronoUnit.MINUTES);
    }

    private static RoundForm form(String title, long budget, Map<Phase, LocalDateTime> starts) {
        return new RoundForm(BOSTANDYK, "Сынақ раунды " + title, "Тестовый раунд " + title, "Test round " + title,
                "Бостандық ауданындағы сынақ раунды.", "Тестовый раунд в Бостандыкском районе.", null,
                budget, 50_000_000L, null, null, "Asia/Almaty", starts);
    }

    private static final List<RoundForm.Category> CATEGORIES = List.of(
            new RoundForm.Category("parks", "Саябақтар", "Парки", "Parks", 200_000_000L),
            new RoundForm.Category("roads", "Жолдар", "Дороги", "Roads", null));

    private static final RoundForm.Ballot APPROVE_ONE_TO_THREE = new RoundForm.Ballot("APPROVAL", 1, 3, null, null, null);

    private <T> T asAdmin(Callable<T> work) throws Exception {
        return asAdmin.call(work);
    }

    private void asAdminRun(Runnable work) throws Exception {
        asAdmin.call(() -> {
            work.run();
            return null;
        });
    }

    /** A round set up through the service: created with a calendar in the future, categories and rules chosen. */
    private long roundWithRules(String title) throws Exception {
        long id = asAdmin(() -> rounds.create(form(title, 500_000_000L, calendarFrom(nowInAlmaty().plusDays(30)))));
        asAdminRun(() -> rounds.defineCategories(id, CATEGORIES));
        asAdminRun(() -> rounds.chooseRules(id, APPROVE_ONE_TO_THREE, "mes_cost_add1"));
        return id;
    }

    private <T> T inTransaction(Callable<T> work) throws Exception {
        return Transactions.inTransaction(tx, work);
    }

    private long residentOfBostandyk() throws Exception {
        String iin = SyntheticIins.next();
        return asCitizen.call(() -> citizens.signIn(
                new IdentityClaims(iin, "Серікбаев", "Нұрлан", null, null, BOSTANDYK)));
    }

    /** A proposal of the round, submitted and then taken through moderation (and review, when {@code feasible}). */
    private long proposal(long roundId, long author, boolean feasible) throws Exception {
        return inTransaction(() -> {
            BudgetRound round = em.find(BudgetRound.class, roundId);
            Actor citizen = Actor.citizen(author);
            Instant now = Instant.now();
            Proposal p = Proposal.draft(round, Proposer.citizen(author), KatoCode.of(BOSTANDYK),
                    new ProposalContent(new ProposalTitle("Саябаққа жаңа орындықтар"),
                            new ProposalDescription("Әл-Фараби даңғылындағы саябаққа орындықтар мен шамдар орнату."),
                            "parks", ProposalLocation.of("Әл-Фараби даңғылы, 77", 43.2180, 76.9270),
                            CostEstimate.of(List.of(new CostLine("Орындықтар", 20, 150_000))), Set.of()),
                    citizen, now);
            p.submit(citizen, now);
            p.startModeration(MODERATOR, now);
            p.accept(MODERATOR, now);
            p.startReview(REVIEWER, now);
            if (feasible) {
                p.markFeasible(2_800_000, "Смета тексерілді", REVIEWER, now);
            }
            em.persist(p);
            em.flush();
            return p.getId();
        });
    }

    private ProposalStatus statusOf(long proposalId) {
        em.clear();
        return em.find(Proposal.class, proposalId).status();
    }

    private Phase phaseOf(long roundId) {
        em.clear();
        return em.find(BudgetRound.class, roundId).phase();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---------------------------------------------------------------- tests

    @Test
    public void openingVotingFreezesThePublishedManifestAndPutsFeasibleProposalsOnTheBallot() throws Exception {
        long entriesBefore = asAdmin(() -> auditLog.verify().entries());
        long id = roundWithRules("voting " + System.nanoTime());
        AdminRoundView drafted = asAdmin(() -> rounds.view(id));
        assertThat(drafted.phase()).isEqualTo(Phase.DRAFTING);
        assertThat(drafted.frozenManifest()).isNull();
        assertThat(drafted.draftManifest()).contains("\"allocationRule\":\"mes_cost_add1\"");

        assertThat(asAdmin(() -> rounds.advance(id))).isEqualTo(Phase.PROPOSAL_SUBMISSION);
        long author = residentOfBostandyk();
        long feasible = proposal(id, author, true);
        long underReview = proposal(id, author, false);
        assertThat(asAdmin(() -> rounds.advance(id))).isEqualTo(Phase.MODERATION_AND_REVIEW);
        assertThat(asAdmin(() -> rounds.advance(id))).isEqualTo(Phase.VOTING);

        AdminRoundView voting = asAdmin(() -> rounds.view(id));
        assertThat(voting.phase()).isEqualTo(Phase.VOTING);
        assertThat(voting.rulesFrozenAt()).isNotNull();
        assertThat(voting.frozenManifest()).isNotNull()
                .contains("\"allocationRule\":\"mes_cost_add1\"", "\"maxPicks\":3", "\"total\":500000000",
                        "\"minimumAge\":18", "\"projectCostCap\":50000000");
        assertThat(voting.frozenManifestSha256()).matches("[0-9a-f]{64}").isEqualTo(sha256(voting.frozenManifest()));
        assertThat(statusOf(feasible)).isEqualTo(ProposalStatus.ON_BALLOT);
        assertThat(statusOf(underReview)).isEqualTo(ProposalStatus.UNDER_REVIEW);

        List<AuditLog.EntryView> history = asAdmin(() -> auditLog.history("BudgetRound", String.valueOf(id)));
        assertThat(history).extracting(AuditLog.EntryView::action).containsExactly("round.create",
                "round.categories", "round.rules", "round.phase", "round.phase", "round.phase");
        assertThat(history).extracting(AuditLog.EntryView::actor).containsOnly("staff:it-admin");
        assertThat(history.getLast().afterJson()).contains("\"phase\":\"VOTING\"", voting.frozenManifestSha256());
        AuditLog.ChainCheck check = asAdmin(() -> auditLog.verify());
        assertThat(check.intact()).isTrue();
        assertThat(check.entries()).isGreaterThanOrEqualTo(entriesBefore + history.size());
        assertThat(check.lastHash()).matches("[0-9a-f]{64}");
    }

    @Test
    public void onceVotingOpenedEveryRuleChangeIsRefusedAndTheRoundStaysAsItWas() throws Exception {
        String title = "frozen " + System.nanoTime();
        long id = roundWithRules(title);
        for (int i = 0; i < 3; i++) {
            asAdmin(() -> rounds.advance(id));
        }
        AdminRoundView frozen = asAdmin(() -> rounds.view(id));
        assertThat(frozen.phase()).isEqualTo(Phase.VOTING);
        int entriesBefore = asAdmin(() -> auditLog.history("BudgetRound", String.valueOf(id))).size();

        RoundForm biggerBudget = form(title, 600_000_000L, frozen.phaseStarts());
        assertThatThrownBy(() -> asAdminRun(() -> rounds.update(id, biggerBudget))).isInstanceOf(RulesFrozen.class);
        assertThatThrownBy(() -> asAdminRun(() -> rounds.chooseRules(id,
                new RoundForm.Ballot("KNAPSACK", null, null, null, null, null), "greedy_cost")))
                .isInstanceOf(RulesFrozen.class);
        assertThatThrownBy(() -> asAdminRun(() -> rounds.defineCategories(id, List.of())))
                .isInstanceOf(RulesFrozen.class);

        assertThat(asAdmin(() -> rounds.view(id))).isEqualTo(frozen);
        assertThat(asAdmin(() -> auditLog.history("BudgetRound", String.valueOf(id)))).hasSize(entriesBefore);

        // Titles are not rules: they stay editable, with the rules sent back unchanged.
        RoundForm renamed = new RoundForm(BOSTANDYK, "Жаңа атау", "Новое название", null, frozen.descriptionKk(),
                frozen.descriptionRu(), null, frozen.totalBudget(), frozen.projectCostCap(), null, null, "Asia/Almaty",
                frozen.phaseStarts());
        asAdminRun(() -> rounds.update(id, renamed));
        AdminRoundView after = asAdmin(() -> rounds.view(id));
        assertThat(after.titleRu()).isEqualTo("Новое название");
        assertThat(after.frozenManifest()).isEqualTo(frozen.frozenManifest());
        assertThat(after.frozenManifestSha256()).isEqualTo(frozen.frozenManifestSha256());
    }

    @Test
    public void theCalendarMovesRoundsAndLeavesARoundWithoutRulesBeforeVoting() throws Exception {
        LocalDateTime now = nowInAlmaty();
        // Submission started an hour ago: the calendar moves the round out of drafting.
        long started = asAdmin(() -> rounds.create(form("calendar " + System.nanoTime(), 300_000_000L,
                calendarFrom(now.minusHours(1)))));
        // Voting is due, but no rules were chosen: the round goes as far as moderation and stays there.
        long stuck = asAdmin(() -> rounds.create(form("no rules " + System.nanoTime(), 300_000_000L,
                calendarFrom(now.minusHours(1)))));
        asAdminRun(() -> rounds.defineCategories(stuck, CATEGORIES));
        rounds.followCalendars();
        assertThat(phaseOf(stuck)).isEqualTo(Phase.PROPOSAL_SUBMISSION);
        long feasible = proposal(stuck, residentOfBostandyk(), true);
        Map<Phase, LocalDateTime> votingDue = calendarFrom(now.minusDays(21));
        asAdminRun(() -> rounds.update(stuck, form("no rules", 300_000_000L, votingDue)));

        rounds.followCalendars();

        assertThat(phaseOf(started)).isEqualTo(Phase.PROPOSAL_SUBMISSION);
        assertThat(phaseOf(stuck)).isEqualTo(Phase.MODERATION_AND_REVIEW);
        assertThat(statusOf(feasible)).isEqualTo(ProposalStatus.FEASIBLE);
        assertThat(asAdmin(() -> rounds.view(stuck)).frozenManifest()).isNull();
        assertThat(asAdmin(() -> auditLog.history("BudgetRound", String.valueOf(started))))
                .filteredOn(e -> e.action().equals("round.phase"))
                .extracting(AuditLog.EntryView::actor).containsExactly("system:calendar");
        assertThat(asAdmin(() -> auditLog.verify()).intact()).isTrue();
    }

    @Test
    public void onlyAdministratorsSetRoundsUp() throws Exception {
        String title = "moderator " + System.nanoTime();
        RoundForm form = form(title, 100_000_000L, calendarFrom(nowInAlmaty().plusDays(30)));

        assertThatThrownBy(() -> asModerator.call(() -> rounds.create(form)))
                .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(EJBAccessException.class));
        assertThatThrownBy(() -> rounds.create(form)).isInstanceOf(EJBAccessException.class);
        assertThat(em.createQuery("select count(r) from BudgetRound r where r.titleRu = :t", Long.class)
                .setParameter("t", "Тестовый раунд " + title).getSingleResult()).isZero();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
