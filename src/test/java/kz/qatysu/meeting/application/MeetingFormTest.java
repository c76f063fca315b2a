package kz.qatysu.meeting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import kz.qatysu.meeting.domain.QuorumRule;
import org.junit.jupiter.api.Test;

class MeetingFormTest {

    private static MeetingForm form(String kind, Integer value) {
        return new MeetingForm("751410000", LocalDate.of(2026, 3, 14), "Мектеп", "Күн тәртібі", kind, value, null);
    }

    @Test
    void turnsTheChosenKindAndValueIntoAQuorumRule() {
        assertThat(form("SHARE", 10).quorumRule()).isEqualTo(QuorumRule.shareOfResidents(10));
        assertThat(form(" ABSOLUTE ", 25).quorumRule()).isEqualTo(QuorumRule.absolute(25));
    }

    @Test
    void refusesAnUnknownKindOrAMissingValue() {
        assertThatThrownBy(() -> form("MAJORITY", 10).quorumRule()).hasMessage("meeting.error.quorum-kind");
        assertThatThrownBy(() -> form(null, 10).quorumRule()).hasMessage("meeting.error.quorum-kind");
        assertThatThrownBy(() -> form("share", 10).quorumRule()).hasMessage("meeting.error.quorum-kind");
        assertThatThrownBy(() -> form("SHARE", null).quorumRule()).hasMessage("meeting.error.quorum-share");
        assertThatThrownBy(() -> form("ABSOLUTE", null).quorumRule()).hasMessage("meeting.error.quorum-absolute");
        assertThatThrownBy(() -> form("SHARE", 101).quorumRule()).hasMessage("meeting.error.quorum-share");
    }

    @Test
    void requiresTheDayOfTheMeeting() {
        MeetingForm noDay = new MeetingForm("751410000", null, "Мектеп", "Күн тәртібі", "SHARE", 10, null);

        assertThatThrownBy(noDay::requiredHeldOn).hasMessage("meeting.error.held-on");
    }
}
