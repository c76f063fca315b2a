package kz.qatysu.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties checked on a few hundred seeded random small elections, against the naive {@link ReferenceRules}. */
class AllocationPropertiesTest {

    private static final int CASES = 300;
    private static final String[] IDS = {"1", "10", "9", "2", "a", "B", "L010", "L081"};

    static Instance randomElection(Random random, boolean points) {
        int projectCount = 1 + random.nextInt(6);
        List<Project> projects = new ArrayList<>();
        List<String> ids = new ArrayList<>(List.of(IDS));
        Collections.shuffle(ids, random);
        for (int i = 0; i < projectCount; i++) {
            int cents = random.nextInt(5) == 0 ? 50 : 0;
            Rational cost = Rational.of(random.nextInt(8) * 10L + (random.nextInt(10) == 0 ? 0 : 10))
                    .add(Rational.of(cents, 100));
            projects.add(new Project(ids.get(i), cost));
        }
        int voters = 1 + random.nextInt(9);
        List<Ballot> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            List<String> vote = new ArrayList<>();
            List<Rational> pts = new ArrayList<>();
            for (Project project : projects) {
                if (random.nextInt(3) == 0) {
                    vote.add(project.id());
                    pts.add(Rational.of(1 + random.nextInt(4)));
                }
            }
            Collections.shuffle(vote, random);
            ballots.add(new Ballot(vote, points ? pts : List.of(), null, null));
            if (random.nextInt(4) == 0) {
                ballots.add(ballots.get(ballots.size() - 1)); // identical ballots, to be merged
            }
        }
        Rational budget = Rational.of(10 + random.nextInt(150));
        return Instance.of(budget, points ? VoteType.CUMULATIVE : VoteType.APPROVAL, projects, ballots);
    }

    private static Rational cost(Instance instance, List<String> selected) {
        return instance.projects().stream().filter(p -> selected.contains(p.id())).map(Project::cost)
                .reduce(Rational.ZERO, Rational::add);
    }

    @Test
    void noRuleEverExceedsTheBudget() {
        Random random = new Random(1);
        for (int i = 0; i < CASES; i++) {
            Instance instance = randomElection(random, false);
            for (String rule : AllocationRules.keys()) {
                if (rule.contains("points") || rule.contains("cardinal_") || rule.endsWith("cardinal")) {
                    continue;
                }
                Outcome outcome = AllocationRules.allocate(rule, instance);
                assertThat(cost(instance, outcome.selected())).as(rule + " on " + instance)
                        .isLessThanOrEqualTo(instance.budget()).isEqualTo(outcome.totalCost());
            }
        }
    }

    @Test
    void equalSharesNeverFundsAProjectNobodySupports() {
        Random random = new Random(2);
        for (int i = 0; i < CASES; i++) {
            Instance instance = randomElection(random, false);
            for (String rule : List.of("mes_cost", "mes_cardinality", "mes_cost_add1", "equalshares_net_add1")) {
                Outcome outcome = AllocationRules.allocate(rule, instance);
                for (String id : outcome.selected()) {
                    assertThat(instance.ballots().stream().anyMatch(b -> b.projectIds().contains(id)))
                            .as(rule + " funded unsupported " + id).isTrue();
                }
            }
        }
    }

    @Test
    void greedyEqualsTheNaiveReference() {
        Random random = new Random(3);
        for (int i = 0; i < CASES; i++) {
            Instance approval = randomElection(random, false);
            Instance cumulative = randomElection(random, true);
            assertThat(AllocationRules.allocate("greedy_cost", approval).selected())
                    .isEqualTo(ReferenceRules.greedy(approval, Satisfaction.COST, List.of()));
            assertThat(AllocationRules.allocate("greedy_cardinality", approval).selected())
                    .isEqualTo(ReferenceRules.greedy(approval, Satisfaction.CARDINALITY, List.of()));
            assertThat(AllocationRules.allocate("greedy_points", cumulative).selected())
                    .isEqualTo(ReferenceRules.greedy(cumulative, Satisfaction.POINTS_COST, List.of()));
        }
    }

    @Test
    void equalSharesEqualsTheNaivePerVoterReference() {
        Random random = new Random(4);
        for (int i = 0; i < CASES; i++) {
            Instance approval = randomElection(random, false);
            Instance cumulative = randomElection(random, true);
            Rational share = approval.budget().divide(approval.numberOfVoters());
            assertThat(AllocationRules.allocate("mes_cost", approval).selected()).as(approval.toString())
                    .isEqualTo(ReferenceRules.mes(approval, Satisfaction.COST, share));
            assertThat(AllocationRules.allocate("mes_cardinality", approval).selected())
                    .isEqualTo(ReferenceRules.mes(approval, Satisfaction.CARDINALITY, share));
            assertThat(AllocationRules.allocate("mes_cost_add1", approval).selected()).as(approval.toString())
                    .isEqualTo(ReferenceRules.add1(approval, Satisfaction.COST));
            Rational pointShare = cumulative.budget().divide(cumulative.numberOfVoters());
            assertThat(AllocationRules.allocate("mes_cardinal", cumulative).selected()).as(cumulative.toString())
                    .isEqualTo(ReferenceRules.mes(cumulative, Satisfaction.POINTS, pointShare));
            assertThat(AllocationRules.allocate("mes_points_cost", cumulative).selected())
                    .isEqualTo(ReferenceRules.mes(cumulative, Satisfaction.POINTS_COST, pointShare));
        }
    }

    @Test
    void phragmenEqualsTheNaiveReference() {
        Random random = new Random(5);
        for (int i = 0; i < CASES; i++) {
            Instance instance = randomElection(random, false);
            assertThat(AllocationRules.allocate("seq_phragmen", instance).selected()).as(instance.toString())
                    .isEqualTo(ReferenceRules.phragmen(instance));
        }
    }

    @Test
    void outcomeDoesNotDependOnBallotOrder() {
        Random random = new Random(6);
        for (int i = 0; i < CASES / 3; i++) {
            Instance instance = randomElection(random, false);
            List<Ballot> shuffled = new ArrayList<>(instance.ballots());
            Collections.shuffle(shuffled, random);
            Instance reordered = Instance.of(instance.budget(), instance.voteType(), instance.projects(), shuffled);
            for (String rule : AllocationRules.keys()) {
                if (rule.contains("points") || rule.contains("cardinal_") || rule.endsWith("cardinal")) {
                    continue;
                }
                assertThat(AllocationRules.allocate(rule, reordered)).as(rule)
                        .usingRecursiveComparison().isEqualTo(AllocationRules.allocate(rule, instance));
            }
        }
    }

    @Test
    void mergingIdenticalBallotsDoesNotChangeTheOutcome() {
        Random random = new Random(7);
        for (int i = 0; i < CASES / 3; i++) {
            Instance instance = randomElection(random, false);
            List<Ballot> doubled = new ArrayList<>(instance.ballots());
            doubled.addAll(instance.ballots());
            Instance twice = Instance.of(instance.budget().multiply(2), instance.voteType(), instance.projects(),
                    doubled);
            Instance twiceReference = Instance.of(twice.budget(), twice.voteType(), twice.projects(), doubled);
            assertThat(AllocationRules.allocate("mes_cost", twice).selected())
                    .isEqualTo(ReferenceRules.mes(twiceReference, Satisfaction.COST,
                            twice.budget().divide(twice.numberOfVoters())));
            assertThat(Map.of("n", AllocationRules.allocate("mes_cost", twice).voters()))
                    .containsEntry("n", (long) doubled.size());
        }
    }
}
