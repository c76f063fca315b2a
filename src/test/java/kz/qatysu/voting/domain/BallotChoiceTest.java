package kz.qatysu.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.qatysu.round.domain.BallotRule;
import org.junit.jupiter.api.Test;

class BallotChoiceTest {

    private static final List<BallotOption> OPTIONS = List.of(new BallotOption(11, 40), new BallotOption(12, 30),
            new BallotOption(13, 20), new BallotOption(14, 10));
    private static final long BUDGET = 60;

    private static void refused(BallotChoice choice, BallotRule rule, String key) {
        assertThatThrownBy(() -> choice.requireValid(rule, OPTIONS, BUDGET)).hasMessage(key);
    }

    @Test
    void approvalCountsThePicksWithinTheLimits() {
        BallotRule upToThree = BallotRule.approval(1, 3);

        assertThatCode(() -> BallotChoice.approve(List.of(12L, 11L)).requireValid(upToThree, OPTIONS, BUDGET))
                .doesNotThrowAnyException();
        refused(BallotChoice.approve(List.of(11L, 12L, 13L, 14L)), upToThree, "ballot.error.too-many-picks");
        refused(BallotChoice.approve(List.of(11L)), BallotRule.approval(2, 3), "ballot.error.too-few-picks");
        refused(BallotChoice.approve(List.of()), upToThree, "ballot.error.empty");
        refused(BallotChoice.approve(List.of(99L)), upToThree, "ballot.error.not-on-ballot");
        assertThatThrownBy(() -> BallotChoice.approve(List.of(11L, 11L))).hasMessage("ballot.error.duplicate-pick");
    }

    @Test
    void knapsackMustFitTheBudgetAndMayHaveToUseAShareOfIt() {
        assertThatCode(() -> BallotChoice.approve(List.of(11L, 13L)).requireValid(BallotRule.knapsack(null), OPTIONS, BUDGET))
                .doesNotThrowAnyException();
        refused(BallotChoice.approve(List.of(11L, 12L)), BallotRule.knapsack(null), "ballot.error.over-budget");
        // 10 of 60 is under half; 30 of 60 is exactly half and passes
        refused(BallotChoice.approve(List.of(14L)), BallotRule.knapsack(50), "ballot.error.under-budget-share");
        assertThatCode(() -> BallotChoice.approve(List.of(13L, 14L)).requireValid(BallotRule.knapsack(50), OPTIONS, BUDGET))
                .doesNotThrowAnyException();
    }

    @Test
    void cumulativePointsStayWithinThePerProjectAndTotalLimits() {
        BallotRule tenPointsFiveEach = BallotRule.cumulative(10, 5);

        assertThatCode(() -> BallotChoice.points(Map.of(11L, 5, 12L, 5, 13L, 0)).requireValid(tenPointsFiveEach, OPTIONS, BUDGET))
                .doesNotThrowAnyException();
        refused(BallotChoice.points(Map.of(11L, 6)), tenPointsFiveEach, "ballot.error.points-per-project");
        refused(BallotChoice.points(Map.of(11L, 5, 12L, 5, 13L, 1)), tenPointsFiveEach, "ballot.error.points-total");
        refused(BallotChoice.points(Map.of(11L, 0)), tenPointsFiveEach, "ballot.error.empty");
        assertThatThrownBy(() -> BallotChoice.points(Map.of(11L, -1))).hasMessage("ballot.error.points-negative");
        refused(BallotChoice.points(Map.of(11L, 2)), BallotRule.approval(1, 3), "ballot.error.points-on-approval");
    }

    @Test
    void theCanonicalFormDoesNotDependOnTheOrderOfClicking() {
        assertThat(BallotChoice.approve(List.of(13L, 11L)).canonical()).isEqualTo("11:1,13:1");
        assertThat(BallotChoice.approve(List.of(13L, 11L))).isEqualTo(BallotChoice.approve(List.of(11L, 13L)));
        assertThat(BallotChoice.points(Map.of(12L, 3, 11L, 2)).canonical()).isEqualTo("11:2,12:3");
    }
}
