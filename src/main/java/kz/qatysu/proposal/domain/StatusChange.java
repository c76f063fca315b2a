package kz.qatysu.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Optional;
import kz.qatysu.platform.domain.Actor;

/** One step in a proposal's history: from which status (none at creation) to which, by whom, why, when. */
@Embeddable
public class StatusChange {

    public static final int MAX_COMMENT_LENGTH = 2_000;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 30)
    private ProposalStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30)
    private ProposalStatus to;

    @Column(name = "actor", nullable = false, length = Actor.MAX_LENGTH)
    private String actor;

    @Column(name = "comment", length = MAX_COMMENT_LENGTH)
    private String comment;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    protected StatusChange() {
        // for JPA
    }

    StatusChange(ProposalStatus from, ProposalStatus to, Actor actor, String comment, Instant at) {
        this.from = from;
        this.to = to;
        this.actor = actor.stored();
        this.comment = comment;
        this.at = at;
    }

    public Optional<ProposalStatus> from() {
        return Optional.ofNullable(from);
    }

    public ProposalStatus to() {
        return to;
    }

    public Actor actor() {
        return Actor.parse(actor);
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public Instant at() {
        return at;
    }
}
