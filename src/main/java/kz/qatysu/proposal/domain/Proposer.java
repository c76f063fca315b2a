package kz.qatysu.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import java.util.Optional;
import kz.qatysu.platform.domain.Actor;

/** Who puts a proposal forward: a citizen (by surrogate id) or a local community meeting (by id), never both. */
@Embeddable
public class Proposer {

    @Column(name = "author_citizen_id", updatable = false)
    private Long citizenId;

    @Column(name = "proposer_meeting_id", updatable = false)
    private Long meetingId;

    protected Proposer() {
        // for JPA
    }

    private Proposer(Long citizenId, Long meetingId) {
        this.citizenId = citizenId;
        this.meetingId = meetingId;
    }

    public static Proposer citizen(long citizenId) {
        return new Proposer(citizenId, null);
    }

    public static Proposer meeting(long meetingId) {
        return new Proposer(null, meetingId);
    }

    public Optional<Long> citizenId() {
        return Optional.ofNullable(citizenId);
    }

    public Optional<Long> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    /**
     * Whether an actor may act as the proposer: the author themself, or for a meeting's proposal the staff who record
     * meetings (the service checks their territory).
     */
    public boolean isActedForBy(Actor actor) {
        return citizenId != null ? actor.isCitizen(citizenId) : actor.isStaff();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Proposer other && Objects.equals(citizenId, other.citizenId)
                && Objects.equals(meetingId, other.meetingId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(citizenId, meetingId);
    }
}
