package kz.qatysu.round.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import org.junit.jupiter.api.Test;

class RoundFieldsTest {

    @Test
    void proposesACalendarTheRoundAccepts() {
        RoundFields fields = RoundFields.proposed(LocalDate.of(2026, 11, 28));

        var form = fields.toForm();

        assertThat(form.phaseStarts()).containsEntry(Phase.PROPOSAL_SUBMISSION, LocalDateTime.of(2026, 12, 1, 0, 0))
                .doesNotContainKey(Phase.SUPPORT_COLLECTION).hasSize(6);
        assertThat(PhaseCalendar.ofLocal(java.time.ZoneId.of(form.zoneId()), form.phaseStarts()).collectsSupport()).isFalse();
        assertThat(form.minimumAge()).isEqualTo(18);
    }

    @Test
    void leavesEmptyPhaseStartsOut() {
        RoundFields fields = RoundFields.proposed(LocalDate.of(2026, 1, 15));
        fields.getStarts().stream().filter(s -> s.getPhase() == Phase.VOTING).findFirst().orElseThrow().setAt(null);

        assertThat(fields.toForm().phaseStarts()).doesNotContainKey(Phase.VOTING).hasSize(5);
    }

    @Test
    void showsEachRefusalNextToItsField() {
        var fieldOf = RoundFields.fieldsOf("roundForm");

        assertThat(fieldOf.apply("round.error.title-too-long")).isEqualTo("roundForm:titleKk");
        assertThat(fieldOf.apply("round.error.calendar-order")).isEqualTo("roundForm:calendar");
        assertThat(fieldOf.apply("round.error.support-threshold-calendar")).isEqualTo("roundForm:supportThreshold");
        assertThat(fieldOf.apply("round.error.category-budgets-exceed-total")).isEqualTo("roundForm:totalBudget");
        assertThat(fieldOf.apply("round.error.rules-frozen")).isNull();
    }

    @Test
    void offersTheRoundsOwnZoneBesideKazakhstans() {
        RoundFields fields = RoundFields.proposed(LocalDate.of(2026, 1, 15));
        assertThat(fields.getZones()).startsWith("Asia/Almaty").doesNotContain("Europe/Moscow");

        fields.setZoneId("Europe/Moscow");

        assertThat(fields.getZones()).endsWith("Europe/Moscow");
    }
}
