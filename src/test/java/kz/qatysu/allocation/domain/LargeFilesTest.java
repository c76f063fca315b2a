package kz.qatysu.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qatysu.allocation.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The large real files without reference results run with plain MES and greedy; Add1 timings are in the benchmark. */
class LargeFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Poland_Lodz_2022.pb", "Poland_Warszawa_2026.pb", "Poland_Warszawa_2021_Mokotow.pb"})
    void equalSharesAndGreedyRunOnLargeFiles(String file) {
        Instance instance = SharedData.read(file);

        for (String rule : new String[] {"mes_cost", "greedy_cost"}) {
            Outcome outcome = AllocationRules.allocate(rule, instance);

            assertThat(outcome.selected()).as(rule).isNotEmpty();
            assertThat(outcome.totalCost()).isLessThanOrEqualTo(instance.budget());
            assertThat(outcome.explanations()).hasSize(instance.projects().size());
            assertThat(outcome.explanations()).filteredOn(ProjectExplanation::funded).hasSize(outcome.selected().size());
        }
    }
}
