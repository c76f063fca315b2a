package kz.qatysu.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingFieldsTest {

    private static final List<String> PROPOSAL_INPUTS = List.of("roundId", "title", "description", "categoryCode",
            "address", "latitude", "costLines");

    @Test
    void placesTextRefusalsNextToTheirInput() {
        assertThat(MeetingFields.of("recordForm", "meeting.error.place-too-long", MeetingsBacking.INPUTS))
                .isEqualTo("recordForm:place");
        assertThat(MeetingFields.of("meetingForm", "meeting.error.quorum-share", MeetingsBacking.INPUTS))
                .isEqualTo("meetingForm:quorumValue");
        assertThat(MeetingFields.of("recordForm", "meeting.error.territory-unknown", MeetingsBacking.INPUTS))
                .isEqualTo("recordForm:territoryCode");
        assertThat(MeetingFields.of("attendeeForm", "meeting.error.attendee-under-age", List.of("iin")))
                .isEqualTo("attendeeForm:iin");
    }

    @Test
    void placesProposalRefusalsInThePutForwardForm() {
        assertThat(MeetingFields.of("proposalForm", "proposal.error.cost-line-quantity", PROPOSAL_INPUTS))
                .isEqualTo("proposalForm:costLines");
        assertThat(MeetingFields.of("proposalForm", "proposal.error.coordinates-pair", PROPOSAL_INPUTS))
                .isEqualTo("proposalForm:latitude");
        assertThat(MeetingFields.of("proposalForm", "meeting.error.round-territory", PROPOSAL_INPUTS))
                .isEqualTo("proposalForm:roundId");
    }

    @Test
    void showsGloballyWhatNoInputOfTheFormIsAbout() {
        assertThat(MeetingFields.of("proposalForm", "meeting.error.no-quorum", PROPOSAL_INPUTS)).isNull();
        assertThat(MeetingFields.of("proposalForm", "meeting.error.eligible-residents-missing", PROPOSAL_INPUTS))
                .isNull();
        assertThat(MeetingFields.of("attendeeForm", "meeting.error.place-blank", List.of("iin"))).isNull();
        assertThat(MeetingFields.of("recordForm", null, MeetingsBacking.INPUTS)).isNull();
    }
}
