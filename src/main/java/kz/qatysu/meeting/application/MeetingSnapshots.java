package kz.qatysu.meeting.application;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qatysu.meeting.domain.CommunityMeeting;
import kz.qatysu.platform.json.CanonicalJson;

/**
 * The state of a meeting as the audit log records it before and after an action. Long texts (agenda, minutes) are
 * recorded by their SHA-256, which proves which version was in force without copying up to 100 000 characters into
 * every entry; attendees and proposals by their number (the action names the one added or removed).
 */
final class MeetingSnapshots {

    private MeetingSnapshots() {
    }

    static Map<String, Object> of(CommunityMeeting m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("territory", m.territory().value());
        s.put("heldOn", m.heldOn().toString());
        s.put("place", m.place());
        s.put("agendaSha256", CanonicalJson.sha256Hex(m.agenda()));
        s.put("minutesSha256", m.minutes().map(CanonicalJson::sha256Hex).orElse(null));
        s.put("quorumKind", m.quorumRule().kind().name());
        s.put("quorumValue", m.quorumRule().value());
        s.put("eligibleResidents", m.eligibleResidents().orElse(null));
        s.put("attendees", m.attendeeCount());
        s.put("proposals", m.proposalIds().size());
        return s;
    }

    /** A snapshot with one more fact, e.g. the attendee or proposal an action concerned. */
    static Map<String, Object> of(CommunityMeeting m, String key, Object value) {
        Map<String, Object> s = of(m);
        s.put(key, value);
        return s;
    }
}
