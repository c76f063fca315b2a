package kz.qatysu.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kz.qatysu.opendata.application.OpenDataExport;
import org.junit.jupiter.api.Test;

class AgeSexTableTest {

    private final KAnonymity k = new KAnonymity(10);

    @Test
    void aCountBelowKIsSuppressedAndKItselfIsShown() {
        assertThat(k.cell(9).suppressed()).isTrue();
        assertThat(k.cell(0).suppressed()).isTrue();
        assertThat(k.cell(10).count()).isEqualTo(10L);
    }

    @Test
    void agesAreGroupedIntoTheOpenDataBandsInAgeOrderAndSmallCellsHidden() {
        var table = AgeSexTable.of(List.of(
                new AgeSexTable.AgeCount(70, "F", 12),
                new AgeSexTable.AgeCount(30, "M", 6),
                new AgeSexTable.AgeCount(34, "M", 5),
                new AgeSexTable.AgeCount(31, "F", 3),
                new AgeSexTable.AgeCount(19, "M", 40)), OpenDataExport::ageBand, k);

        assertThat(table.rows()).extracting(AgeSexTable.Row::band).containsExactly("18-24", "25-34", "65+");
        assertThat(table.rows().get(1).male().count()).isEqualTo(11L);
        assertThat(table.rows().get(1).female().suppressed()).isTrue();
        assertThat(table.rows().get(0).female().suppressed()).isTrue();
        assertThat(table.rows().get(2).female().count()).isEqualTo(12L);
        assertThat(table.anySuppressed()).isTrue();
    }
}
