package kz.qatysu.counting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.allocation.domain.ProjectExplanation;
import org.junit.jupiter.api.Test;

class RoundAllocationTest {

    private static final AllocationService ENGINE = new AllocationService();

    private static RoundAllocation.CountedChoice approve(long... ids) {
        int[] points = new int[ids.length];
        java.util.Arrays.fill(points, 1);
        return new RoundAllocation.CountedChoice(ids, points);
    }

    @Test
    void withoutCategoryBudgetsTheWholeBudgetIsOnePartAllocatedByTheRule() {
        List<RoundAllocation.Option> options = List.of(new RoundAllocation.Option(1, 60, "parks"),
                new RoundAllocation.Option(2, 50, "roads"), new RoundAllocation.Option(3, 40, "parks"));
        List<RoundAllocation.CountedChoice> ballots = List.of(approve(1, 2), approve(1), approve(2, 3), approve(1, 3));

        List<RoundAllocation.Part> parts = RoundAllocation.allocate(ENGINE, "greedy_cost", false, 100, Map.of(),
                options, ballots);

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).category()).isEqualTo(RoundAllocation.GENERAL);
        // Greedy by votes: 1 (3 votes, 60) then 2 (2 votes, 50) does not fit, then 3 (2 votes, 40) fits.
        assertThat(parts.get(0).outcome().selected()).containsExactly("1", "3");
        ProjectExplanation two = parts.get(0).outcome().explanationOf("2");
        assertThat(two.funded()).isFalse();
        assertThat(two.votes()).isEqualTo(2);
    }

    @Test
    void aCategoryWithItsOwnBudgetIsAllocatedApartAndTheRestGetsWhatIsLeft() {
        List<RoundAllocation.Option> options = List.of(new RoundAllocation.Option(1, 60, "parks"),
                new RoundAllocation.Option(2, 50, "roads"), new RoundAllocation.Option(3, 40, "roads"));
        List<RoundAllocation.CountedChoice> ballots = List.of(approve(1, 2), approve(2), approve(2, 3), approve(3));

        List<RoundAllocation.Part> parts = RoundAllocation.allocate(ENGINE, "greedy_cost", false, 150,
                Map.of("roads", 90L), options, ballots);

        assertThat(parts).extracting(RoundAllocation.Part::category).containsExactly("roads", RoundAllocation.GENERAL);
        assertThat(parts).extracting(RoundAllocation.Part::budget).containsExactly(90L, 60L);
        assertThat(parts.get(0).outcome().selected()).containsExactly("2", "3");
        assertThat(parts.get(1).outcome().selected()).containsExactly("1");
        // Every ballot is a voter of every part, also those that name none of its projects.
        assertThat(parts.get(1).outcome().voters()).isEqualTo(4);
    }

    @Test
    void cumulativeBallotsAreAllocatedByTheirPoints() {
        List<RoundAllocation.Option> options = List.of(new RoundAllocation.Option(1, 50, "parks"),
                new RoundAllocation.Option(2, 50, "parks"));
        List<RoundAllocation.CountedChoice> ballots = List.of(
                new RoundAllocation.CountedChoice(new long[]{1, 2}, new int[]{1, 4}),
                new RoundAllocation.CountedChoice(new long[]{1}, new int[]{2}));

        List<RoundAllocation.Part> parts = RoundAllocation.allocate(ENGINE, "greedy_points", true, 50, Map.of(),
                options, ballots);

        assertThat(parts.get(0).outcome().selected()).containsExactly("2");
    }

    @Test
    void categoryBudgetsAboveTheRoundBudgetAreRefused() {
        assertThatThrownBy(() -> RoundAllocation.allocate(ENGINE, "greedy_cost", false, 100, Map.of("a", 60L, "b", 50L),
                List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
