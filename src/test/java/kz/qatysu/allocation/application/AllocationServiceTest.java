package kz.qatysu.allocation.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kz.qatysu.allocation.SharedData;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Outcome;
import kz.qatysu.allocation.domain.ProjectExplanation;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.ReasonCode;
import kz.qatysu.allocation.domain.RuleNotApplicableException;
import kz.qatysu.allocation.domain.VoteType;
import org.junit.jupiter.api.Test;

class AllocationServiceTest {

    private final AllocationService service = new AllocationService();

    private static List<Project> projects() {
        return List.of(new Project("park", Rational.of(600)), new Project("library", Rational.of(500)),
                new Project("bench", Rational.of(100)), new Project("statue", Rational.of(50)));
    }

    @Test
    void explainsEveryProjectOfARound() {
        List<Ballot> ballots = List.of(Ballot.approval("park", "bench"), Ballot.approval("park"),
                Ballot.approval("library"), Ballot.approval("bench"), Ballot.approval());

        Outcome outcome = service.allocate("mes_cost", Rational.of(1000), VoteType.APPROVAL, projects(), ballots);

        assertThat(outcome.voters()).isEqualTo(5);
        assertThat(outcome.explanations()).extracting(ProjectExplanation::projectId)
                .containsExactly("park", "library", "bench", "statue");
        assertThat(outcome.explanationOf("statue").reason()).isEqualTo(ReasonCode.NO_SUPPORT);
        ProjectExplanation bench = outcome.explanationOf("bench");
        assertThat(bench.reason()).isEqualTo(ReasonCode.FUNDED_BY_EQUAL_SHARES);
        assertThat(bench.step()).isEqualTo(1);
        assertThat(bench.figures()).containsEntry("maxPayment", "50").containsEntry("supportersPayingLess", "0");
        ProjectExplanation library = outcome.explanationOf("library");
        assertThat(library.reason()).isEqualTo(ReasonCode.INSUFFICIENT_SUPPORTER_FUNDS);
        assertThat(library.figures()).containsEntry("supporterFunds", "200").containsEntry("shortfall", "300")
                .containsEntry("shortfallPerSupporter", "300");
    }

    @Test
    void tieBreakingIsExplicitPerRuleFamily() {
        Instance tie = SharedData.read("tie_example.pb");

        assertThat(service.allocate("mes_cost", tie).selected()).containsExactly("1");
        assertThat(service.allocate("equalshares_net_add1", tie).selected()).containsExactly("2");
    }

    @Test
    void lexicographicTieBreakingComparesIdsAsStrings() {
        List<Project> projects = List.of(new Project("9", Rational.of(100)), new Project("10", Rational.of(100)));
        List<Ballot> ballots = List.of(Ballot.approval("9", "10"));

        Outcome outcome = service.allocate("greedy_cost", Rational.of(100), VoteType.APPROVAL, projects, ballots);

        assertThat(outcome.selected()).containsExactly("10");
        assertThat(outcome.explanationOf("9").reason()).isEqualTo(ReasonCode.DID_NOT_FIT_REMAINING_BUDGET);
        assertThat(outcome.explanationOf("9").figures()).containsEntry("remainingBudget", "0");
    }

    @Test
    void add1ReportsTheEndowmentOfTheFinalOutcome() {
        Outcome outcome = service.allocate("mes_cost_add1_no_exhaustive_stop",
                SharedData.read("Poland_Wieliczka_2023_Green_Budget.pb"));

        assertThat(outcome.totalCost()).isEqualTo(Rational.of(995079));
        assertThat(outcome.endowment().finalPerVoter()).isEqualTo(
                Rational.of(1_000_000).divide(6586).add(Rational.of(164)).toExactString());
    }

    @Test
    void comparisonStepKeepsEqualSharesInWieliczkaAndSwiecie() {
        for (String file : List.of("Poland_Wieliczka_2023_Green_Budget.pb", "Poland_Swiecie_2023.pb")) {
            Instance instance = SharedData.read(file);
            for (String rule : List.of("mes_cost_add1_no_exhaustive_stop_comparison",
                    "mes_cost_add1_comparison_exclusion")) {
                Outcome outcome = service.allocate(rule, instance);

                assertThat(outcome.comparison().greedyChosen()).as(file + " " + rule).isFalse();
                assertThat(outcome.comparison().votersPreferringMes())
                        .isGreaterThan(outcome.comparison().votersPreferringGreedy());
                assertThat(outcome.selected()).isEqualTo(outcome.comparison().mesSelection());
            }
        }
    }

    @Test
    void comparisonStepSwitchesToGreedyWhenMoreVotersPreferIt() {
        // MES buys the cheap project of the small group; greedy funds the big group's project that everyone else wants
        List<Project> projects = List.of(new Project("big", Rational.of(90)), new Project("small", Rational.of(40)));
        List<Ballot> ballots = List.of(Ballot.approval("big"), Ballot.approval("big"), Ballot.approval("big"),
                Ballot.approval("small"), Ballot.approval("small"));

        Outcome mes = service.allocate("mes_cost", Rational.of(100), VoteType.APPROVAL, projects, ballots);
        Outcome compared = service.allocate("mes_cost_comparison", Rational.of(100), VoteType.APPROVAL, projects,
                ballots);

        assertThat(mes.selected()).containsExactly("small");
        assertThat(compared.comparison().greedyChosen()).isTrue();
        assertThat(compared.selected()).containsExactly("big");
        assertThat(compared.comparison().votersPreferringGreedy()).isEqualTo(3);
    }

    @Test
    void refusesRulesThatAreNotDefinedForTheBallots() {
        Instance ordinal = SharedData.read("Switzerland_Zurich_S5R.pb");

        assertThatThrownBy(() -> service.allocate("seq_phragmen", ordinal))
                .isInstanceOf(RuleNotApplicableException.class).hasMessageContaining("approval ballots only");
        assertThatThrownBy(() -> service.allocate("greedy_points", ordinal))
                .isInstanceOf(RuleNotApplicableException.class).hasMessageContaining("points");
        assertThat(service.allocate("mes_cost", ordinal).totalCost()).isLessThanOrEqualTo(ordinal.budget());
    }
}
