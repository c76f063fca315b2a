package kz.qatysu.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qatysu.proposal.application.ProposalSort;
import kz.qatysu.proposal.application.ProposalSort.Field;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class ProposalLazyModelTest {

    private static Map<String, SortMeta> sortBy(String field, SortOrder order) {
        Map<String, SortMeta> map = new LinkedHashMap<>();
        map.put(field, SortMeta.builder().field(field).order(order).build());
        return map;
    }

    @Test
    void mapsAKnownColumnToItsSort() {
        assertThat(ProposalLazyModel.sort(sortBy("cost", SortOrder.DESCENDING)))
                .isEqualTo(new ProposalSort(Field.COST, false));
        assertThat(ProposalLazyModel.sort(sortBy("title", SortOrder.ASCENDING)))
                .isEqualTo(new ProposalSort(Field.TITLE, true));
    }

    @Test
    void anUnknownOrUnsortedColumnGivesTheDefaultOrder() {
        assertThat(ProposalLazyModel.sort(sortBy("author; drop table", SortOrder.ASCENDING))).isNull();
        assertThat(ProposalLazyModel.sort(sortBy("title", SortOrder.UNSORTED))).isNull();
        assertThat(ProposalLazyModel.sort(Map.of())).isNull();
        assertThat(ProposalLazyModel.sort(null)).isNull();
    }
}
