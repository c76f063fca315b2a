package kz.qatysu.results.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.counting.domain.RoundAllocation.CountedChoice;
import kz.qatysu.counting.domain.RoundAllocation.Option;
import org.junit.jupiter.api.Test;

class RuleComparisonTest {

    private static final AllocationService ENGINE = new AllocationService();

    /** Six voters want roads 1 and 2, four want park 3 and 4: the majority takes everything under greedy. */
    private static final List<Option> OPTIONS = List.of(new Option(1, 60, "roads"), new Option(2, 40, "roads"),
            new Option(3, 40, "parks"), new Option(4, 30, "parks"));

    private static List<CountedChoice> ballots(boolean points) {
        List<CountedChoice> ballots = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ballots.add(new CountedChoice(new long[]{1, 2}, points ? new int[]{3, 2} : new int[]{1, 1}));
        }
        for (int i = 0; i < 4; i++) {
            ballots.add(new CountedChoice(new long[]{3, 4}, points ? new int[]{3, 2} : new int[]{1, 1}));
        }
        return ballots;
    }

    @Test
    void greedyGivesTheMajorityEverythingAndEqualSharesGivesEachGroupItsShare() {
        var result = RuleComparison.compare(ENGINE, false, 100, Map.of(), OPTIONS, ballots(false));

        assertThat(result.greedy().rule()).isEqualTo("greedy_cost");
        assertThat(result.greedy().funded()).containsExactly(1L, 2L);
        assertThat(result.greedy().moneyByCategory()).containsExactly(Map.entry("roads", 100L));
        assertThat(result.greedy().votersWithAFundedProject()).isEqualTo(6);
        assertThat(result.greedy().satisfiedPercent()).isEqualTo(60.0);

        assertThat(result.equalShares().rule()).isEqualTo("mes_cost_add1");
        assertThat(result.equalShares().funded()).containsExactlyInAnyOrder(1L, 3L);
        assertThat(result.equalShares().totalCost()).isEqualTo(100);
        assertThat(result.equalShares().moneyByCategory())
                .containsExactly(Map.entry("parks", 40L), Map.entry("roads", 60L));
        assertThat(result.equalShares().satisfiedPercent()).isEqualTo(100.0);

        assertThat(result.onlyGreedy()).containsExactly(2L);
        assertThat(result.onlyEqualShares()).containsExactly(3L);
        assertThat(result.both()).containsExactly(1L);
    }

    @Test
    void aCategoryBudgetIsSpentOnlyInsideItsCategoryByBothRules() {
        var result = RuleComparison.compare(ENGINE, false, 100, Map.of("parks", 30L), OPTIONS, ballots(false));

        assertThat(result.greedy().moneyByCategory()).containsEntry("parks", 30L);
        assertThat(result.equalShares().moneyByCategory().getOrDefault("parks", 0L)).isLessThanOrEqualTo(30L);
        assertThat(result.greedy().totalCost()).isLessThanOrEqualTo(100);
        assertThat(result.equalShares().totalCost()).isLessThanOrEqualTo(100);
    }

    @Test
    void cumulativeBallotsAreComparedWithThePointRules() {
        var result = RuleComparison.compare(ENGINE, true, 100, Map.of(), OPTIONS, ballots(true));

        assertThat(result.greedy().rule()).isEqualTo("greedy_points");
        assertThat(result.equalShares().rule()).isEqualTo("mes_points_cost_add1");
        assertThat(result.greedy().funded()).isNotEmpty();
        assertThat(result.equalShares().funded()).isNotEmpty();
        assertThat(result.greedy().voters()).isEqualTo(10);
    }

    @Test
    void withoutBallotsNobodyIsSatisfiedAndTheBudgetHolds() {
        var result = RuleComparison.compare(ENGINE, false, 100, Map.of(), OPTIONS, List.of());

        assertThat(result.greedy().voters()).isZero();
        assertThat(result.greedy().satisfiedPercent()).isZero();
        assertThat(result.equalShares().satisfiedPercent()).isZero();
        assertThat(result.greedy().totalCost()).isLessThanOrEqualTo(100);
        assertThat(result.equalShares().totalCost()).isLessThanOrEqualTo(100);
    }
}
