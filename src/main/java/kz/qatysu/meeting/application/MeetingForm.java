package kz.qatysu.meeting.application;

import java.io.Serializable;
import java.time.LocalDate;
import kz.qatysu.meeting.domain.QuorumRule;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * What staff enter for a meeting, as received: territory (KATO code; fixed once recorded), day, place, agenda,
 * quorum rule and the number of eligible residents stated by the akimat (may be left empty until known).
 */
public record MeetingForm(String territoryCode, LocalDate heldOn, String place, String agenda, String quorumKind,
                          Integer quorumValue, Integer eligibleResidents) implements Serializable {

    /**
     * The checked quorum rule.
     *
     * @throws DomainRuleViolation {@code meeting.error.quorum-kind}, {@code meeting.error.quorum-share} or
     *                             {@code meeting.error.quorum-absolute}
     */
    public QuorumRule quorumRule() {
        QuorumRule.Kind kind = quorumKind(quorumKind);
        if (quorumValue == null) {
            throw new DomainRuleViolation(kind == QuorumRule.Kind.SHARE ? "meeting.error.quorum-share"
                    : "meeting.error.quorum-absolute");
        }
        return kind == QuorumRule.Kind.SHARE ? QuorumRule.shareOfResidents(quorumValue)
                : QuorumRule.absolute(quorumValue);
    }

    /** @throws DomainRuleViolation {@code meeting.error.held-on} when no day was given */
    public LocalDate requiredHeldOn() {
        if (heldOn == null) {
            throw new DomainRuleViolation("meeting.error.held-on");
        }
        return heldOn;
    }

    static QuorumRule.Kind quorumKind(String raw) {
        if (raw != null) {
            for (QuorumRule.Kind kind : QuorumRule.Kind.values()) {
                if (kind.name().equals(raw.strip())) {
                    return kind;
                }
            }
        }
        throw new DomainRuleViolation("meeting.error.quorum-kind");
    }
}
