package kz.qatysu.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The filtered floating-point fast path of {@link MesEngine} must decide exactly like the pure exact path. Seeded
 * random elections are built to produce near-ties and exact ties: few distinct costs, many copies of a few ballot
 * patterns (equal supports), symmetric project pairs, endowments that make projects just (un)affordable. Every
 * run is compared in full: selection order, unresolved ties, each purchase's payments, supporter funds at the end.
 */
class FastPathPropertiesTest {

    private static final int CASES = 400;

    static Instance nearTieElection(Random random, boolean points) {
        int projectCount = 2 + random.nextInt(9);
        long[] costChoices = {100, 100, 200, 300, 150 + random.nextInt(3) * 50L};
        List<Project> projects = new ArrayList<>();
        for (int p = 0; p < projectCount; p++) {
            long cost = costChoices[random.nextInt(costChoices.length)];
            Rational exact = random.nextInt(6) == 0 ? Rational.of(cost * 100 + 1, 100) : Rational.of(cost);
            projects.add(new Project("P" + p, exact));
        }
        int patterns = 1 + random.nextInt(6);
        List<List<String>> patternIds = new ArrayList<>();
        List<List<Rational>> patternPoints = new ArrayList<>();
        for (int k = 0; k < patterns; k++) {
            List<String> ids = new ArrayList<>();
            List<Rational> pts = new ArrayList<>();
            for (int p = 0; p < projectCount; p++) {
                if (random.nextInt(3) == 0) {
                    ids.add("P" + p);
                    pts.add(Rational.of(1 + random.nextInt(3)));
                }
            }
            // symmetric pairs: a pattern with P0 often also lists P1, so their supports are equal
            if (projectCount > 1 && ids.contains("P0") != ids.contains("P1") && random.nextBoolean()) {
                String missing = ids.contains("P0") ? "P1" : "P0";
                ids.add(missing);
                pts.add(Rational.ONE);
            }
            patternIds.add(ids);
            patternPoints.add(pts);
        }
        List<Ballot> ballots = new ArrayList<>();
        int voters = 3 + random.nextInt(400);
        for (int v = 0; v < voters; v++) {
            int k = random.nextInt(patterns);
            ballots.add(new Ballot(patternIds.get(k), points ? patternPoints.get(k) : List.of(), null, null));
        }
        long totalCost = projects.stream().mapToLong(p -> p.cost().floor().longValue()).sum();
        Rational budget = Rational.of(totalCost * (1 + random.nextInt(9)) + random.nextInt(3), 10);
        return Instance.of(budget, points ? VoteType.CUMULATIVE : VoteType.APPROVAL, projects, ballots);
    }

    private static void assertSameRuns(Election election, Satisfaction satisfaction, TieBreaking tieBreaking,
                                       Rational endowment, long[] fastEvaluations) {
        MesEngine fast = new MesEngine(election, satisfaction, tieBreaking, true, true);
        MesEngine exact = new MesEngine(election, satisfaction, tieBreaking, true, false);
        MesEngine.Workspace workspace = fast.newWorkspace();
        MesEngine.Result a = workspace.run(endowment, true);
        MesEngine.Result b = exact.newWorkspace().run(endowment, true);
        fastEvaluations[0] += workspace.fastEvaluations;
        String what = satisfaction + " " + tieBreaking + " endowment " + endowment + " (" + election.projectCount + " projects, " + election.voters + " voters)";
        assertThat(a.selected()).as(what).containsExactly(b.selected());
        assertThat(a.scaledCost()).as(what).isEqualTo(b.scaledCost());
        assertThat(a.unresolvedTies()).as(what).isEqualTo(b.unresolvedTies());
        assertThat(a.trace().purchases()).as(what).isEqualTo(b.trace().purchases());
        assertThat(a.trace().supporterFundsAtEnd()).as(what).isEqualTo(b.trace().supporterFundsAtEnd());
    }

    @Test
    void fastPathDecidesLikeTheExactPathOnApprovalNearTies() {
        Random random = new Random(20261127);
        long[] fastEvaluations = {0};
        for (int i = 0; i < CASES; i++) {
            Instance instance = nearTieElection(random, false);
            Election election = Election.compile(instance);
            Rational share = instance.budget().divide(instance.numberOfVoters());
            for (int step = 0; step < 6; step++) {
                Rational endowment = share.add(Rational.of(step * (1 + random.nextInt(3)), 1 + random.nextInt(4)));
                for (TieBreaking tieBreaking : TieBreaking.values()) {
                    assertSameRuns(election, Satisfaction.COST, tieBreaking, endowment, fastEvaluations);
                    assertSameRuns(election, Satisfaction.CARDINALITY, tieBreaking, endowment, fastEvaluations);
                }
            }
        }
        assertThat(fastEvaluations[0]).as("the fast path was exercised").isGreaterThan(1000);
    }

    @Test
    void fastPathDecidesLikeTheExactPathWithPoints() {
        Random random = new Random(7);
        long[] fastEvaluations = {0};
        for (int i = 0; i < CASES / 2; i++) {
            Instance instance = nearTieElection(random, true);
            Election election = Election.compile(instance);
            Rational share = instance.budget().divide(instance.numberOfVoters());
            for (int step = 0; step < 4; step++) {
                Rational endowment = share.add(Rational.of(step));
                assertSameRuns(election, Satisfaction.POINTS, TieBreaking.LEXICOGRAPHIC, endowment, fastEvaluations);
                assertSameRuns(election, Satisfaction.POINTS_COST, TieBreaking.LEXICOGRAPHIC, endowment,
                        fastEvaluations);
                assertSameRuns(election, Satisfaction.COST, TieBreaking.LEXICOGRAPHIC, endowment, fastEvaluations);
            }
        }
    }

    @Test
    void fastPathAgreesOnAddOneCompletions() {
        Random random = new Random(11);
        for (int i = 0; i < CASES / 4; i++) {
            Instance instance = nearTieElection(random, false);
            Election election = Election.compile(instance);
            Rational share = instance.budget().divide(instance.numberOfVoters());
            for (int step = 0; step < 40; step++) {
                assertSameRuns(election, Satisfaction.COST, TieBreaking.LEXICOGRAPHIC, share.add(Rational.of(step)),
                        new long[1]);
            }
        }
    }

    @Test
    void runsLongEnoughToCompactTheLevelTableMatchTheNaiveReference() {
        // hundreds of distinct ballots, nearly every voter with a budget level of its own, and a level table
        // compacted (and renumbered) from 64 levels on: many compactions in every run
        Random random = new Random(29);
        for (int i = 0; i < 3; i++) {
            List<Project> projects = new ArrayList<>();
            for (int p = 0; p < 24; p++) {
                projects.add(new Project(String.format("P%02d", p), Rational.of(500 + random.nextInt(20) * 250L)));
            }
            List<Ballot> ballots = new ArrayList<>();
            for (int v = 0; v < 700; v++) {
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < projects.size(); p++) {
                    if (random.nextInt(4) == 0) {
                        ids.add(projects.get(p).id());
                    }
                }
                ballots.add(new Ballot(ids, List.of(), null, null));
            }
            Instance instance = Instance.of(Rational.of(30_000 + random.nextInt(20_000)), VoteType.APPROVAL, projects,
                    ballots);
            Election election = Election.compile(instance);
            MesEngine engine = new MesEngine(election, Satisfaction.COST, TieBreaking.LEXICOGRAPHIC, true, true, 64);
            MesEngine.Workspace workspace = engine.newWorkspace();
            Rational share = instance.budget().divide(instance.numberOfVoters());
            for (int step = 0; step < 3; step++) {
                Rational endowment = share.add(Rational.of(step * 7L, 3));
                MesEngine.Result fast = workspace.run(endowment, false);
                List<String> selected = new ArrayList<>();
                for (int p : fast.selected()) {
                    selected.add(election.instance.projects().get(p).id());
                }
                assertThat(selected).as("endowment " + endowment)
                        .isEqualTo(ReferenceRules.mes(instance, Satisfaction.COST, endowment));
                MesEngine.Result exact = new MesEngine(election, Satisfaction.COST, TieBreaking.LEXICOGRAPHIC, true,
                        false, 64).newWorkspace().run(endowment, true);
                MesEngine.Result traced = workspace.run(endowment, true);
                assertThat(traced.selected()).containsExactly(exact.selected());
                assertThat(traced.trace().purchases()).isEqualTo(exact.trace().purchases());
                assertThat(traced.trace().supporterFundsAtEnd()).isEqualTo(exact.trace().supporterFundsAtEnd());
            }
            assertThat(workspace.compactions).as("the level table was compacted").isGreaterThanOrEqualTo(6);
        }
    }
}
