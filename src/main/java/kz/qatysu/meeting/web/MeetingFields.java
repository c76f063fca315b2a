package kz.qatysu.meeting.web;

import java.util.List;
import java.util.Map;

/**
 * Which input a refusal belongs to, so that its message appears next to the field it is about (and is announced
 * with it by screen readers) rather than only at the top of the page. Keys without a field give {@code null}: the
 * message is shown globally.
 */
final class MeetingFields {

    /** Message-key prefixes and the id of the input they concern, most specific first. */
    private static final List<Map.Entry<String, String>> MEETING = List.of(
            Map.entry("meeting.error.territory", "territoryCode"),
            Map.entry("meeting.error.held-on", "heldOn"),
            Map.entry("meeting.error.not-held-yet", "heldOn"),
            Map.entry("meeting.error.place", "place"),
            Map.entry("meeting.error.agenda", "agenda"),
            Map.entry("meeting.error.quorum-kind", "quorumKind"),
            Map.entry("meeting.error.quorum-share", "quorumValue"),
            Map.entry("meeting.error.quorum-absolute", "quorumValue"),
            Map.entry("meeting.error.eligible-residents", "eligibleResidents"),
            Map.entry("meeting.error.minutes", "minutes"),
            Map.entry("meeting.error.attendee", "iin"),
            Map.entry("meeting.error.round", "roundId"),
            Map.entry("proposal.error.round", "roundId"),
            Map.entry("proposal.error.title", "title"),
            Map.entry("proposal.error.description", "description"),
            Map.entry("proposal.error.category", "categoryCode"),
            Map.entry("proposal.error.address", "address"),
            Map.entry("proposal.error.coordinates", "latitude"),
            Map.entry("proposal.error.cost", "costLines"),
            Map.entry("proposal.error.bin", "coProposerBins"),
            Map.entry("proposal.error.co-proposers", "coProposerBins"));

    private MeetingFields() {
    }

    /**
     * The client id of the input a refusal concerns within a form, e.g. {@code meetingForm:place}, or {@code null}
     * when no input of that form is about it.
     *
     * @param inputs the ids of the inputs the form has
     */
    static String of(String formId, String messageKey, List<String> inputs) {
        if (messageKey == null) {
            return null;
        }
        for (Map.Entry<String, String> e : MEETING) {
            if (messageKey.startsWith(e.getKey())) {
                return inputs.contains(e.getValue()) ? formId + ":" + e.getValue() : null;
            }
        }
        return null;
    }
}
