package kz.qatysu.monitoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Optional;
import kz.qatysu.platform.domain.Actor;

/**
 * One entry of an implementation's history: what was done, by whom, when, and the figures after it. Staff see who;
 * the public timeline only that the akimat did it.
 *
 * @see Implementation#history()
 */
@Embeddable
public class ImplementationUpdate {

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 20)
    private UpdateKind kind;

    @Column(name = "actor", nullable = false, length = Actor.MAX_LENGTH)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private ImplementationStatus status;

    @Column(name = "percent_done", nullable = false)
    private int percentDone;

    @Column(name = "contracted", nullable = false)
    private long contracted;

    @Column(name = "spent", nullable = false)
    private long spent;

    /** The milestone's title, the photo's caption or staff's note, as the kind has it. */
    @Column(name = "detail", length = Implementation.MAX_NOTE_LENGTH)
    private String detail;

    protected ImplementationUpdate() {
        // for JPA
    }

    ImplementationUpdate(UpdateKind kind, Actor actor, Instant at, ImplementationStatus status, int percentDone,
                         long contracted, long spent, String detail) {
        this.kind = kind;
        this.actor = actor.stored();
        this.at = at;
        this.status = status;
        this.percentDone = percentDone;
        this.contracted = contracted;
        this.spent = spent;
        this.detail = detail;
    }

    public UpdateKind kind() {
        return kind;
    }

    public Actor actor() {
        return Actor.parse(actor);
    }

    public Instant at() {
        return at;
    }

    public ImplementationStatus status() {
        return status;
    }

    public int percentDone() {
        return percentDone;
    }

    public long contracted() {
        return contracted;
    }

    public long spent() {
        return spent;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
