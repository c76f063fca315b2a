package kz.qatysu.round.application;

import static org.assertj.core.api.Assertions.assertThat;

import kz.qatysu.allocation.domain.AllocationRules;
import org.junit.jupiter.api.Test;

class RoundCatalogTest {

    @Test
    void everyAllocationRuleOfTheEngineHasAFamilyName() {
        assertThat(AllocationRules.keys()).allSatisfy(key ->
                assertThat(RoundCatalog.allocationLabelKey(key)).isNotEqualTo("round.allocation.other"));
        assertThat(RoundCatalog.allocationLabelKey("greedy_cost")).isEqualTo("round.allocation.greedy");
        assertThat(RoundCatalog.allocationLabelKey("mes_cost_add1")).isEqualTo("round.allocation.mes");
        assertThat(RoundCatalog.allocationLabelKey("equalshares_net_add1")).isEqualTo("round.allocation.mes");
        assertThat(RoundCatalog.allocationLabelKey("seq_phragmen")).isEqualTo("round.allocation.phragmen");
        assertThat(RoundCatalog.allocationLabelKey(null)).isEqualTo("round.rules.not-chosen");
    }
}
