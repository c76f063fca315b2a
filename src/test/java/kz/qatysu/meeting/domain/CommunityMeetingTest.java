package kz.qatysu.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommunityMeetingTest {

    private static final KatoCode VILLAGE = KatoCode.of("196443000");
    private static final KatoCode INSIDE = KatoCode.of("196443100");
    private static final KatoCode ELSEWHERE = KatoCode.of("196445100");
    private static final LocalDate HELD_ON = LocalDate.of(2026, 3, 14);
    private static final Actor STAFF = Actor.staff("akimat.staff");
    private static final Instant NOW = Instant.parse("2026-03-14T12:00:00Z");
    private static final LocalDate ADULT = LocalDate.of(1980, 1, 1);

    private static CommunityMeeting meeting(QuorumRule rule) {
        return CommunityMeeting.record(VILLAGE, HELD_ON, "Мәдениет үйі", "1. Жобалар\n2. Әртүрлі", rule, STAFF, NOW);
    }

    @ParameterizedTest(name = "{0} % of {1} residents needs {2}")
    @CsvSource({"10, 1000, 100", "10, 1005, 101", "10, 0, 1", "10, 5, 1", "100, 37, 37", "1, 99, 1"})
    void computesTheShareQuorumRoundingUp(int percent, long residents, long needed) {
        assertThat(QuorumRule.shareOfResidents(percent).minimumAttendees(residents)).isEqualTo(needed);
    }

    @Test
    void hasQuorumExactlyAtTheShare() {
        CommunityMeeting m = meeting(QuorumRule.shareOfResidents(10));
        for (long id = 1; id <= 99; id++) {
            m.admit(id, INSIDE, ADULT);
        }

        assertThat(m.hasQuorum(1000)).isFalse();
        m.admit(100, VILLAGE, ADULT);
        assertThat(m.hasQuorum(1000)).isTrue();
        assertThat(m.hasQuorum(1001)).isFalse();
    }

    @Test
    void hasQuorumWithAnAbsoluteMinimumWhateverThePopulation() {
        CommunityMeeting m = meeting(QuorumRule.absolute(3));
        m.admit(1, INSIDE, ADULT);
        m.admit(2, INSIDE, ADULT);

        assertThat(m.hasQuorum(10)).isFalse();
        m.admit(3, INSIDE, ADULT);
        assertThat(m.hasQuorum(1_000_000)).isTrue();
    }

    @Test
    void countsAnAttendeeOnce() {
        CommunityMeeting m = meeting(QuorumRule.absolute(2));

        assertThat(m.admit(7, INSIDE, ADULT)).isTrue();
        assertThat(m.admit(7, INSIDE, ADULT)).isFalse();

        assertThat(m.attendeeCount()).isEqualTo(1);
        assertThat(m.hasQuorum(10)).isFalse();
    }

    @Test
    void admitsOnlyAdultResidentsOfTheTerritory() {
        CommunityMeeting m = meeting(QuorumRule.absolute(1));

        assertThatThrownBy(() -> m.admit(1, ELSEWHERE, ADULT)).hasMessage("meeting.error.attendee-not-resident");
        assertThatThrownBy(() -> m.admit(2, INSIDE, HELD_ON.minusYears(18).plusDays(1)))
                .hasMessage("meeting.error.attendee-under-age");
        assertThat(m.admit(3, INSIDE, HELD_ON.minusYears(18))).isTrue();
        assertThat(m.attendeeIds()).containsExactly(3L);
    }

    @Test
    void putsProposalsForwardOnlyWhenQuorate() {
        CommunityMeeting m = meeting(QuorumRule.absolute(2));
        m.admit(1, INSIDE, ADULT);

        assertThatThrownBy(() -> m.putForward(501, 100)).hasMessage("meeting.error.no-quorum");
        m.admit(2, INSIDE, ADULT);
        m.putForward(501, 100);
        m.putForward(501, 100);

        assertThat(m.proposalIds()).containsExactly(501L);
    }

    @Test
    void refusesInvalidQuorumRules() {
        assertThatThrownBy(() -> QuorumRule.shareOfResidents(0)).hasMessage("meeting.error.quorum-share");
        assertThatThrownBy(() -> QuorumRule.shareOfResidents(101)).hasMessage("meeting.error.quorum-share");
        assertThatThrownBy(() -> QuorumRule.absolute(0)).hasMessage("meeting.error.quorum-absolute");
    }

    @Test
    void cleansTextsAndRefusesBlankOnes() {
        CommunityMeeting m = CommunityMeeting.record(VILLAGE, HELD_ON, " Мектеп\u200B  залы ", "<b>Күн тәртібі</b>",
                QuorumRule.absolute(1), STAFF, NOW);
        m.recordMinutes("Хаттама\r\n\r\n\r\nШешім \u202Eқабылданды");

        assertThat(m.place()).isEqualTo("Мектеп залы");
        assertThat(m.agenda()).isEqualTo("<b>Күн тәртібі</b>");
        assertThat(m.minutes()).contains("Хаттама\n\nШешім қабылданды");
        assertThatThrownBy(() -> m.reschedule(HELD_ON, " ", "Күн тәртібі")).hasMessage("meeting.error.place-blank");
        assertThatThrownBy(() -> m.recordMinutes("x".repeat(100_001))).hasMessage("meeting.error.minutes-too-long");
    }

    @Test
    void isRecordedByStaffOnly() {
        assertThatThrownBy(() -> CommunityMeeting.record(VILLAGE, HELD_ON, "Орын", "Күн тәртібі",
                QuorumRule.absolute(1), Actor.citizen(1), NOW)).hasMessage("meeting.error.staff-only");
    }

    @Test
    void reckonsAShareQuorumAgainstTheStatedEligibleResidents() {
        CommunityMeeting m = meeting(QuorumRule.shareOfResidents(10));
        m.admit(1, INSIDE, ADULT);
        m.admit(2, INSIDE, ADULT);

        assertThat(m.requiredAttendees()).isEmpty();
        assertThat(m.isQuorate()).isFalse();
        m.stateEligibleResidents(30);
        assertThat(m.requiredAttendees()).contains(3L);
        assertThat(m.isQuorate()).isFalse();
        m.stateEligibleResidents(20);
        assertThat(m.requiredAttendees()).contains(2L);
        assertThat(m.isQuorate()).isTrue();
    }

    @Test
    void needsNoEligibleResidentsForAnAbsoluteQuorum() {
        CommunityMeeting m = meeting(QuorumRule.absolute(1));
        m.admit(1, INSIDE, ADULT);

        assertThat(m.requiredAttendees()).contains(1L);
        m.putForward(501);
        assertThat(m.proposalIds()).containsExactly(501L);
    }

    @Test
    void refusesToPutForwardWithoutTheNumberOfEligibleResidentsOrWithoutQuorum() {
        CommunityMeeting m = meeting(QuorumRule.shareOfResidents(50));
        m.admit(1, INSIDE, ADULT);

        assertThatThrownBy(() -> m.putForward(501)).hasMessage("meeting.error.eligible-residents-missing");
        m.stateEligibleResidents(4);
        assertThatThrownBy(() -> m.putForward(501)).hasMessage("meeting.error.no-quorum");
        assertThat(m.proposalIds()).isEmpty();
    }

    @Test
    void refusesANumberOfEligibleResidentsBelowOne() {
        CommunityMeeting m = meeting(QuorumRule.shareOfResidents(10));

        assertThatThrownBy(() -> m.stateEligibleResidents(0)).hasMessage("meeting.error.eligible-residents");
        assertThatThrownBy(() -> m.stateEligibleResidents(-5)).hasMessage("meeting.error.eligible-residents");
        assertThat(m.eligibleResidents()).isEmpty();
    }

    @Test
    void settlesTheQuorumOnceAProposalIsPutForward() {
        CommunityMeeting m = meeting(QuorumRule.shareOfResidents(10));
        m.stateEligibleResidents(10);
        m.admit(1, INSIDE, ADULT);
        m.putForward(501);

        assertThatThrownBy(() -> m.removeAttendee(1)).hasMessage("meeting.error.quorum-settled");
        assertThatThrownBy(() -> m.stateEligibleResidents(1000)).hasMessage("meeting.error.quorum-settled");
        assertThatThrownBy(() -> m.changeQuorumRule(QuorumRule.absolute(5))).hasMessage("meeting.error.quorum-settled");
        m.stateEligibleResidents(10);
        m.changeQuorumRule(QuorumRule.shareOfResidents(10));
        assertThat(m.admit(2, INSIDE, ADULT)).isTrue();
        assertThat(m.removeAttendee(99)).isFalse();
        assertThat(m.attendeeIds()).containsExactly(1L, 2L);
    }

    @Test
    void changesTheQuorumRuleAndRemovesAttendeesBeforeAnyProposal() {
        CommunityMeeting m = meeting(QuorumRule.shareOfResidents(10));
        m.admit(1, INSIDE, ADULT);

        m.changeQuorumRule(QuorumRule.absolute(2));
        assertThat(m.removeAttendee(1)).isTrue();

        assertThat(m.quorumRule()).isEqualTo(QuorumRule.absolute(2));
        assertThat(m.attendeeCount()).isZero();
    }
}
