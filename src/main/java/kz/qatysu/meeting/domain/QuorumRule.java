package kz.qatysu.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * When a local community meeting is quorate: at least a percentage of the territory's eligible residents attend
 * (e.g. 10 %), or at least an absolute number of them.
 */
@Embeddable
public class QuorumRule {

    public enum Kind { SHARE, ABSOLUTE }

    @Enumerated(EnumType.STRING)
    @Column(name = "quorum_kind", nullable = false, length = 10)
    private Kind kind;

    @Column(name = "quorum_value", nullable = false)
    private int value;

    protected QuorumRule() {
        // for JPA
    }

    private QuorumRule(Kind kind, int value) {
        this.kind = kind;
        this.value = value;
    }

    /** At least {@code percent} (1..100) % of the eligible residents. */
    public static QuorumRule shareOfResidents(int percent) {
        if (percent < 1 || percent > 100) {
            throw new DomainRuleViolation("meeting.error.quorum-share");
        }
        return new QuorumRule(Kind.SHARE, percent);
    }

    /** At least {@code attendees} (≥ 1) eligible residents. */
    public static QuorumRule absolute(int attendees) {
        if (attendees < 1) {
            throw new DomainRuleViolation("meeting.error.quorum-absolute");
        }
        return new QuorumRule(Kind.ABSOLUTE, attendees);
    }

    /** The fewest attendees that make a quorum among {@code eligibleResidents} (rounded up, exact). */
    public long minimumAttendees(long eligibleResidents) {
        if (eligibleResidents < 0) {
            throw new IllegalArgumentException("eligibleResidents");
        }
        return switch (kind) {
            case ABSOLUTE -> value;
            case SHARE -> Math.max(1, Math.ceilDiv(Math.multiplyExact(eligibleResidents, (long) value), 100L));
        };
    }

    public boolean isMetBy(long attendees, long eligibleResidents) {
        return attendees >= minimumAttendees(eligibleResidents);
    }

    public Kind kind() {
        return kind;
    }

    public int value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuorumRule other && kind == other.kind && value == other.value;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }
}
