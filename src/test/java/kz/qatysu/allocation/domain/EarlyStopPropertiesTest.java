package kz.qatysu.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Add1 steps may end their MES run early once the verdict on the final outcome is certain ({@link MesEngine.EarlyStop}).
 * Checked two ways: every early stop is compared with the full run at the same endowment (the certified property
 * must hold for the final outcome), on both the fast and the exact path; and whole Add1 outcomes (selection,
 * endowments, number of runs, explanations) are compared with early stops switched off.
 */
class EarlyStopPropertiesTest {

    private static boolean exhaustiveOverCandidates(MesEngine engine, MesEngine.Result full, long budget) {
        Election e = engine.election;
        for (int p = 0; p < e.projectCount; p++) {
            if (engine.isCandidate(p) && !full.contains(p) && e.scaledCost[p] <= budget - full.scaledCost()) {
                return false;
            }
        }
        return true;
    }

    /** Elections with many distinct ballots, so that Add1 also takes the parallel path (≥ 500 groups). */
    private static Instance wideElection(Random random) {
        int projectCount = 10 + random.nextInt(6);
        List<Project> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            projects.add(new Project("P" + p, Rational.of(50 + random.nextInt(20) * 25L)));
        }
        List<Ballot> ballots = new ArrayList<>();
        int voters = 600 + random.nextInt(1500);
        for (int v = 0; v < voters; v++) {
            List<String> vote = new ArrayList<>();
            for (int p = 0; p < projectCount; p++) {
                if (random.nextInt(p % 3 + 2) == 0) {
                    vote.add("P" + p);
                }
            }
            ballots.add(new Ballot(vote, List.of(), null, null));
        }
        long total = projects.stream().mapToLong(p -> p.cost().floor().longValue()).sum();
        return Instance.of(Rational.of(total * (2 + random.nextInt(5)), 10), VoteType.APPROVAL, projects, ballots);
    }

    /** The start of the full run's selection as long as the early one's (which may be empty: stopped before buying). */
    private static int[] prefixOf(MesEngine.Result full, MesEngine.Result early) {
        return Arrays.copyOf(full.selected(), Math.min(full.selected().length, early.selected().length));
    }

    @Test
    void everyEarlyStopCertifiesAPropertyOfTheFullRun() {
        Random random = new Random(20261128);
        int[] stops = new int[3];
        for (int i = 0; i < 300; i++) {
            Instance instance = FastPathPropertiesTest.nearTieElection(random, false);
            Election election = Election.compile(instance);
            long budget = election.scaledBudget;
            Rational share = instance.budget().divide(instance.numberOfVoters());
            MesEngine.EarlyStop[] kinds = {
                    new MesEngine.EarlyStop(budget, -1, -1),
                    new MesEngine.EarlyStop(Long.MAX_VALUE, budget, -1),
                    new MesEngine.EarlyStop(Long.MAX_VALUE, -1, budget)};
            for (boolean fastPath : new boolean[] {true, false}) {
                for (Satisfaction satisfaction : new Satisfaction[] {Satisfaction.COST, Satisfaction.CARDINALITY}) {
                    MesEngine engine = new MesEngine(election, satisfaction, TieBreaking.LEXICOGRAPHIC, true, fastPath);
                    MesEngine.Workspace workspace = engine.newWorkspace();
                    for (int step = 0; step < 30; step++) {
                        Rational endowment = share.add(Rational.of(step));
                        MesEngine.Result full = workspace.run(endowment, false);
                        assertThat(full.stoppedEarly()).isFalse();
                        for (int k = 0; k < kinds.length; k++) {
                            MesEngine.Result early = workspace.run(endowment, false, kinds[k]);
                            String what = "kind " + k + " " + satisfaction + " fast " + fastPath + " endowment "
                                    + endowment + " case " + i;
                            if (!early.stoppedEarly()) {
                                assertThat(early.selected()).as(what).containsExactly(full.selected());
                                continue;
                            }
                            stops[k]++;
                            // the partial selection is a prefix of the full one
                            assertThat(prefixOf(full, early)).as(what).containsExactly(early.selected());
                            switch (k) {
                                case 0 -> assertThat(full.scaledCost()).as(what).isGreaterThan(budget);
                                case 1 -> {
                                    assertThat(full.scaledCost()).as(what).isLessThanOrEqualTo(budget);
                                    assertThat(exhaustiveOverCandidates(engine, full, budget)).as(what).isFalse();
                                }
                                default -> assertThat(full.scaledCost()).as(what).isLessThanOrEqualTo(budget);
                            }
                        }
                    }
                }
            }
        }
        for (int k = 0; k < stops.length; k++) {
            assertThat(stops[k]).as("early stops of kind " + k).isGreaterThan(50);
        }
    }

    /**
     * The affordability screen (which may drop candidates without evaluating them, and tightens the bound on the
     * final cost) keeps every stop certified, whichever candidates it tracks, for uniform and weighted utilities; and
     * a run stopped early, continued for a few purchases or none and then resumed, is exactly the full traced run:
     * selection, cost, ties, purchases, funds.
     */
    @Test
    void aScreenedRunStoppedEarlyAndResumedIsTheFullTracedRun() {
        Random random = new Random(20261129);
        int resumed = 0;
        for (int i = 0; i < 240; i++) {
            boolean points = i % 2 == 1;
            Instance instance = i % 3 == 2 ? wideElection(random) : FastPathPropertiesTest.nearTieElection(random, points);
            points = points && instance.voteType() != VoteType.APPROVAL;
            Election election = Election.compile(instance);
            long budget = election.scaledBudget;
            Rational share = instance.budget().divide(instance.numberOfVoters());
            Satisfaction satisfaction = points ? Satisfaction.POINTS_COST : Satisfaction.COST;
            for (double tracked : new double[] {0, 0.25, 1}) {
                MesEngine engine = new MesEngine(election, satisfaction, TieBreaking.LEXICOGRAPHIC, true, true, 64,
                        tracked);
                MesEngine.Workspace workspace = engine.newWorkspace();
                MesEngine.Workspace reference = engine.newWorkspace();
                for (int step = 0; step < 25; step++) {
                    Rational endowment = share.add(Rational.of(step));
                    String what = "case " + i + " tracked " + tracked + " endowment " + endowment;
                    MesEngine.Result full = reference.run(endowment, true);
                    MesEngine.Result early = workspace.run(endowment, false, new MesEngine.EarlyStop(budget, budget, -1));
                    if (!early.stoppedEarly()) {
                        assertThat(early.selected()).as(what).containsExactly(full.selected());
                        continue;
                    }
                    assertThat(prefixOf(full, early)).as(what).containsExactly(early.selected());
                    if (early.scaledCost() <= budget) {
                        assertThat(full.scaledCost()).as(what).isLessThanOrEqualTo(budget);
                        assertThat(exhaustiveOverCandidates(engine, full, budget)).as(what).isFalse();
                    } else {
                        assertThat(full.scaledCost()).as(what).isGreaterThan(budget);
                    }
                    // it may go on for a while first (as a step that finished before the others of its batch)
                    int[] more = {random.nextInt(4)};
                    workspace.continueWhile(() -> more[0]-- > 0);
                    MesEngine.Result rest = workspace.resume();
                    resumed++;
                    assertThat(rest.stoppedEarly()).as(what).isFalse();
                    assertThat(rest.selected()).as(what).containsExactly(full.selected());
                    assertThat(rest.scaledCost()).as(what).isEqualTo(full.scaledCost());
                    assertThat(rest.unresolvedTies()).as(what).isEqualTo(full.unresolvedTies());
                    assertThat(rest.trace().purchases()).as(what).isEqualTo(full.trace().purchases());
                    assertThat(rest.trace().supporterFundsAtEnd()).as(what)
                            .isEqualTo(full.trace().supporterFundsAtEnd());
                    assertThatThrownBy(workspace::resume).as(what).isInstanceOf(IllegalStateException.class);
                }
            }
        }
        assertThat(resumed).isGreaterThan(500);
    }

    private static void assertSameOutcomes(Instance instance, String... rules) {
        for (String rule : rules) {
            Outcome withStops;
            Outcome without;
            boolean saved = AllocationRules.ADD1_EARLY_STOP;
            try {
                AllocationRules.ADD1_EARLY_STOP = true;
                withStops = AllocationRules.allocate(rule, instance);
                AllocationRules.ADD1_EARLY_STOP = false;
                without = AllocationRules.allocate(rule, instance);
            } finally {
                AllocationRules.ADD1_EARLY_STOP = saved;
            }
            assertThat(withStops).as(rule).isEqualTo(without);
        }
    }

    @Test
    void add1OutcomesAreThoseOfFullRuns() {
        Random random = new Random(5);
        String[] approvalRules = {"mes_cost_add1", "mes_cardinality_add1", "mes_cost_add1_then_greedy_cost",
                "mes_cost_add1_no_exhaustive_stop", "mes_cost_add1_no_exhaustive_stop_comparison"};
        for (int i = 0; i < 200; i++) {
            assertSameOutcomes(FastPathPropertiesTest.nearTieElection(random, false), approvalRules);
            assertSameOutcomes(AllocationPropertiesTest.randomElection(random, false), approvalRules);
            assertSameOutcomes(FastPathPropertiesTest.nearTieElection(random, true), "mes_points_cost_add1",
                    "mes_cardinal_add1", "mes_points_cost_add1_then_greedy_points");
        }
        for (int i = 0; i < 12; i++) {
            assertSameOutcomes(wideElection(random), approvalRules);
        }
    }
}
