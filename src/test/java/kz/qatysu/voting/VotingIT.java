package kz.qatysu.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsBostandykNeighbour;
import kz.qatysu.platform.testing.RunAsBostandykResident;
import kz.qatysu.platform.testing.RunAsEsilResident;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.application.BallotSheet;
import kz.qatysu.voting.application.MyBallot;
import kz.qatysu.voting.application.ReceiptCheck;
import kz.qatysu.voting.application.VotingService;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.MerkleTree;
import kz.qatysu.voting.domain.Receipt;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Voting in the container against the real schema: casting and re-casting, one current ballot per person enforced
 * by the database under concurrency, every refusal storing nothing, eligibility, and casts racing the close — each
 * either counted (its receipt in the published list under the Merkle root) or refused as closed, none lost.
 * Each test votes in a round of its own (see {@link VotingRoundFixture}), so closing it leaves the demo alone.
 */
@ExtendWith(ArquillianExtension.class)
public class VotingIT {

    private static final String BOSTANDYK = "751410000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(VotingIT.class).addClasses(VotingRoundFixture.class, SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @Resource
    private ManagedExecutorService executor;
    @EJB
    private VotingService voting;
    @EJB
    private RoundAdministration rounds;
    @Inject
    private BallotBox box;
    @EJB
    private RunAsBostandykResident asResident;
    @EJB
    private RunAsBostandykNeighbour asNeighbour;
    @EJB
    private RunAsEsilResident asEsilResident;
    @EJB
    private RunAsAdmin asAdmin;

    private VotingRoundFixture.TestRound approvalRound() throws Exception {
        return Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), 50_000_000L, 10_000_000L, 20_000_000L, 30_000_000L, 5_000_000L));
    }

    private static long ballots(long roundId) throws Exception {
        return Database.count("select count(*) from ballot where round_id = ?", roundId);
    }

    private static String refusal(Throwable t) {
        Throwable cause = t;
        while (cause != null && !(cause instanceof DomainRuleViolation)) {
            cause = cause.getCause();
        }
        return cause == null ? t.toString() : ((DomainRuleViolation) cause).messageKey();
    }

    private void close(long roundId) throws Exception {
        asAdmin.call(() -> rounds.advance(roundId));
    }

    // ---------------------------------------------------------------- casting

    @Test
    void aCitizenCastsRecastsAndOnlyTheLastBallotIsCurrent() throws Exception {
        var round = approvalRound();
        List<Long> p = round.onBallot();
        BallotSheet sheet = asResident.call(() -> voting.openBallot(round.id()));
        assertThat(sheet.eligible()).isTrue();
        assertThat(sheet.options()).extracting(BallotSheet.BallotEntry::proposalId).containsExactlyInAnyOrderElementsOf(p);
        assertThat(sheet.current()).isNull();
        assertThat(asResident.call(() -> voting.reminders())).anyMatch(r -> r.roundId() == round.id());

        BallotBox.Cast first = asResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(p.get(0), p.get(1))), Channel.WEB));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.changed()).isTrue();
        assertThat(asResident.call(() -> voting.reminders())).noneMatch(r -> r.roundId() == round.id());
        assertThat(hashOfOnly(round.id())).isEqualTo(Receipt.publishedHashOf(first.receipt()));

        BallotBox.Cast again = asResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(p.get(1), p.get(0))), Channel.MOBILE));
        assertThat(again).isEqualTo(new BallotBox.Cast(first.receipt(), 1, false));

        BallotBox.Cast second = asResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(p.get(2))), Channel.MOBILE));
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.receipt()).isNotEqualTo(first.receipt());
        MyBallot mine = asResident.call(() -> voting.currentBallot(round.id())).orElseThrow();
        assertThat(mine.projects()).containsExactly(p.get(2));
        assertThat(mine.receipt()).isEqualTo(second.receipt());
        assertThat(mine.channel()).isEqualTo("MOBILE");
        // The neighbour sees only their own (no) ballot.
        assertThat(asNeighbour.call(() -> voting.currentBallot(round.id()))).isEmpty();

        assertThat(ballots(round.id())).isEqualTo(2);
        assertThat(Database.count("select count(*) from ballot where round_id = ? and superseded_at is null", round.id())).isEqualTo(1);
        assertThat(Database.count("select casts from voting_participation p join citizen c on c.id = p.citizen_id "
                + "where p.round_id = ? and c.iin = '800416100254'", round.id())).isEqualTo(2);
        // Who voted and what was voted are apart: the ballots table names no one.
        assertThat(Database.count("select count(*) from information_schema.columns where table_name = 'ballot' "
                + "and (column_name like '%citizen%' or column_name like '%iin%')")).isZero();

        // After the close: the current receipt is counted, the replaced one superseded, anything else unknown.
        close(round.id());
        ReceiptCheck counted = voting.checkReceipt(round.id(), second.receipt());
        assertThat(counted.status()).isEqualTo(ReceiptCheck.Status.COUNTED);
        assertThat(MerkleTree.verify(counted.receiptHash(), counted.leafIndex(), counted.counted(), counted.auditPath(),
                counted.merkleRoot())).isTrue();
        assertThat(voting.checkReceipt(round.id(), first.receipt()).status()).isEqualTo(ReceiptCheck.Status.SUPERSEDED);
        assertThat(voting.checkReceipt(round.id(), "ab".repeat(32)).status()).isEqualTo(ReceiptCheck.Status.UNKNOWN);
        assertThatThrownBy(() -> voting.checkReceipt(round.id(), "not a receipt"))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("receipt.error.malformed"));
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(p.get(0))), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("voting.error.closed"));
        assertThat(ballots(round.id())).isEqualTo(2);
    }

    private static String hashOfOnly(long roundId) throws Exception {
        try (var c = Database.connect(); var rs = c.createStatement()
                .executeQuery("select receipt_hash from ballot where round_id = " + roundId)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void receiptsAreNotCheckableBeforeTheClose() throws Exception {
        var round = approvalRound();
        BallotBox.Cast cast = asNeighbour.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(round.onBallot().get(0))), Channel.WEB));
        assertThatThrownBy(() -> voting.checkReceipt(round.id(), cast.receipt()))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("receipt.error.not-published"));
    }

    // ---------------------------------------------------------------- refusals store nothing

    @Test
    void badBallotsAreRefusedWithTheirReasonAndStoreNothing() throws Exception {
        var round = approvalRound();
        var other = approvalRound();
        List<Long> p = round.onBallot();
        Map<String, BallotChoice> bad = new java.util.LinkedHashMap<>();
        bad.put("ballot.error.too-many-picks", BallotChoice.approve(p));
        bad.put("ballot.error.not-on-ballot", BallotChoice.approve(List.of(p.get(0), other.onBallot().get(0))));
        bad.put("ballot.error.not-on-ballot#infeasible", BallotChoice.approve(List.of(round.offBallot())));
        bad.put("ballot.error.points-on-approval", BallotChoice.points(Map.of(p.get(0), 2)));
        for (var e : bad.entrySet()) {
            assertThatThrownBy(() -> asResident.call(() -> voting.cast(round.id(), e.getValue(), Channel.WEB)))
                    .as(e.getKey()).satisfies(t -> assertThat(refusal(t)).isEqualTo(e.getKey().split("#")[0]));
        }
        assertThatThrownBy(() -> BallotChoice.approve(List.of(p.get(0), p.get(0))))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.duplicate-pick"));
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of()), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.empty"));

        var knapsack = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.knapsack(50), 40_000_000L, 15_000_000L, 20_000_000L, 10_000_000L));
        List<Long> k = knapsack.onBallot();
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(knapsack.id(), BallotChoice.approve(k), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.over-budget"));
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(knapsack.id(), BallotChoice.approve(List.of(k.get(2))), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.under-budget-share"));

        var cumulative = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.cumulative(10, 5), 40_000_000L, 15_000_000L, 20_000_000L, 10_000_000L));
        List<Long> c = cumulative.onBallot();
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(cumulative.id(), BallotChoice.points(Map.of(c.get(0), 6)), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.points-per-project"));
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(cumulative.id(),
                BallotChoice.points(Map.of(c.get(0), 5, c.get(1), 5, c.get(2), 1)), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.points-total"));
        assertThatThrownBy(() -> BallotChoice.points(Map.of(c.get(0), -1)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("ballot.error.points-negative"));
        BallotBox.Cast ok = asResident.call(() -> voting.cast(cumulative.id(), BallotChoice.points(Map.of(c.get(0), 5, c.get(2), 3)), Channel.WEB));
        assertThat(asResident.call(() -> voting.currentBallot(cumulative.id())).orElseThrow().points())
                .containsEntry(c.get(0), 5).containsEntry(c.get(2), 3).hasSize(2);
        assertThat(ok.version()).isEqualTo(1);

        assertThat(ballots(round.id()) + ballots(knapsack.id())).isZero();
        assertThat(Database.count("select count(*) from voting_participation where round_id in (?, ?) and casts > 0",
                round.id(), knapsack.id())).isZero();
    }

    @Test
    void onlyEligibleResidentsInAnOpenRoundMayVote() throws Exception {
        var round = approvalRound();
        long p = round.onBallot().get(0);
        BallotSheet esil = asEsilResident.call(() -> voting.openBallot(round.id()));
        assertThat(esil.eligible()).isFalse();
        assertThat(esil.ineligibleKey()).isEqualTo("voting.error.not-resident");
        assertThat(asEsilResident.call(() -> voting.openRounds())).noneMatch(s -> s.roundId() == round.id());
        assertThat(asResident.call(() -> voting.openRounds())).anyMatch(s -> s.roundId() == round.id());
        assertThatThrownBy(() -> asEsilResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(p)), Channel.MOBILE)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("voting.error.not-resident"));

        Citizen teenager = Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, BOSTANDYK,
                LocalDate.now().minusYears(15)));
        assertThatThrownBy(() -> Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(round.id()),
                em.find(Citizen.class, teenager.getId()), BallotChoice.approve(List.of(p)), Channel.PAPER)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("voting.error.too-young"));

        long notYetVoting = Database.count("select min(id) from budget_round where territory_code = ? "
                + "and phase = 'MODERATION_AND_REVIEW'", BOSTANDYK);
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(notYetVoting, BallotChoice.approve(List.of(p)), Channel.WEB)))
                .satisfies(t -> assertThat(refusal(t)).isEqualTo("voting.error.not-open"));
        assertThatThrownBy(() -> asResident.call(() -> voting.cast(round.id(), BallotChoice.approve(List.of(p)), Channel.PAPER)))
                .isInstanceOf(AccessRefused.class);
        assertThat(ballots(round.id())).isZero();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void fiftyConcurrentIdenticalCastsLeaveExactlyOneBallot() throws Exception {
        var round = approvalRound();
        BallotChoice choice = BallotChoice.approve(List.of(round.onBallot().get(0), round.onBallot().get(3)));
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BallotBox.Cast>> casts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            casts.add(executor.submit(() -> {
                start.await();
                return asNeighbour.call(() -> voting.cast(round.id(), choice, Channel.MOBILE));
            }));
        }
        start.countDown();
        Set<String> receipts = new HashSet<>();
        for (Future<BallotBox.Cast> f : casts) {
            receipts.add(f.get(120, TimeUnit.SECONDS).receipt());
        }
        assertThat(receipts).hasSize(1);
        assertThat(ballots(round.id())).isEqualTo(1);
        assertThat(Database.count("select count(*) from voting_participation where round_id = ?", round.id())).isEqualTo(1);
    }

    @Test
    void twentyConcurrentRecastsLeaveOneCurrentBallotTheLastCommitted() throws Exception {
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), 50_000_000L, 1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L, 5_000_000L, 6_000_000L));
        List<Long> p = round.onBallot();
        List<BallotChoice> choices = new ArrayList<>();
        for (int a = 0; a < p.size(); a++) {
            for (int b = a + 1; b < p.size(); b++) {
                choices.add(BallotChoice.approve(List.of(p.get(a), p.get(b))));
                for (int c = b + 1; c < p.size(); c++) {
                    choices.add(BallotChoice.approve(List.of(p.get(a), p.get(b), p.get(c))));
                }
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<BallotBox.Cast>> casts = new ArrayList<>();
        for (BallotChoice choice : choices.subList(0, 20)) {
            casts.add(executor.submit(() -> {
                start.await();
                return asResident.call(() -> voting.cast(round.id(), choice, Channel.WEB));
            }));
        }
        start.countDown();
        List<BallotBox.Cast> results = new ArrayList<>();
        for (Future<BallotBox.Cast> f : casts) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        assertThat(results).extracting(BallotBox.Cast::version).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
        BallotBox.Cast last = results.stream().filter(r -> r.version() == 20).findFirst().orElseThrow();
        MyBallot current = asResident.call(() -> voting.currentBallot(round.id())).orElseThrow();
        assertThat(current.version()).isEqualTo(20);
        assertThat(current.receipt()).isEqualTo(last.receipt());
        assertThat(current.projects()).containsExactlyElementsOf(
                choices.get(results.indexOf(last)).points().keySet());
        assertThat(ballots(round.id())).isEqualTo(20);
        assertThat(Database.count("select count(*) from ballot where round_id = ? and superseded_at is null", round.id())).isEqualTo(1);
    }

    @Test
    void castsRacingTheCloseAreCountedOrRefusedNeverLost() throws Exception {
        var round = approvalRound();
        BallotChoice choice = BallotChoice.approve(List.of(round.onBallot().get(1)));
        int voters = 60;
        List<Long> citizens = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            citizens.add(Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, BOSTANDYK, LocalDate.of(1880, 1, 1))).getId());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> casts = new ArrayList<>();
        for (long citizenId : citizens) {
            casts.add(executor.submit(() -> {
                start.await();
                try {
                    return Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(round.id()),
                            em.find(Citizen.class, citizenId), choice, Channel.WEB)).receipt();
                } catch (DomainRuleViolation refused) {
                    return refused.messageKey();
                }
            }));
        }
        Future<Object> closing = executor.submit(() -> {
            start.await();
            Thread.sleep(15);
            return asAdmin.call(() -> rounds.advance(round.id()));
        });
        start.countDown();
        closing.get(120, TimeUnit.SECONDS);
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        for (Future<String> f : casts) {
            String outcome = f.get(120, TimeUnit.SECONDS);
            if (outcome.equals("voting.error.closed")) {
                refused++;
            } else {
                assertThat(outcome).matches("[0-9a-f]{64}");
                accepted.add(outcome);
            }
        }
        assertThat(accepted.size() + refused).isEqualTo(voters);
        List<String> published = voting.countedReceipts(round.id());
        assertThat(published).hasSize(accepted.size())
                .containsExactlyInAnyOrderElementsOf(accepted.stream().map(Receipt::publishedHashOf).toList());
        assertThat(voting.receiptPublication(round.id()).orElseThrow().merkleRoot()).isEqualTo(MerkleTree.root(published));
        assertThat(ballots(round.id())).isEqualTo(accepted.size());
        for (String receipt : accepted) {
            assertThat(voting.checkReceipt(round.id(), receipt).status()).isEqualTo(ReceiptCheck.Status.COUNTED);
        }
    }
}
