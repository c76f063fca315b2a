package kz.qatysu.voting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import kz.qatysu.platform.domain.Actor;

/**
 * One staff member's typing of a paper ballot: the voter (surrogate id), a digest of the voter's document data as
 * typed, and the choice in canonical form. The choice is wiped once the ballot is decided.
 */
@Entity
@Table(name = "paper_ballot_entry")
public class PaperBallotEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "paper_ballot_id")
    private PaperBallot ballot;

    @Column(name = "ordinal", nullable = false)
    private int ordinal;

    @Column(name = "citizen_id", nullable = false)
    private long citizenId;

    @Column(name = "document_digest", nullable = false, length = 64)
    private String documentDigest;

    @Column(name = "choice")
    private String choice;

    @Column(name = "entered_by", nullable = false, length = Actor.MAX_LENGTH)
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected PaperBallotEntry() {
        // for JPA
    }

    /**
     * @param documentDigest what identifies the voter's document data as typed (see {@link PaperDocument#digest()})
     */
    public static PaperBallotEntry of(long citizenId, String documentDigest, BallotChoice choice, Actor by, Instant at) {
        PaperBallotEntry e = new PaperBallotEntry();
        e.citizenId = citizenId;
        e.documentDigest = Objects.requireNonNull(documentDigest, "documentDigest");
        e.choice = Objects.requireNonNull(choice, "choice").canonical();
        e.enteredBy = Objects.requireNonNull(by, "by").stored();
        e.enteredAt = Objects.requireNonNull(at, "at");
        return e;
    }

    void attach(PaperBallot ballot, int ordinal) {
        this.ballot = ballot;
        this.ordinal = ordinal;
    }

    /** Same voter, same document data, same choice. */
    public boolean agreesWith(PaperBallotEntry other) {
        return other != null && citizenId == other.citizenId && documentDigest.equals(other.documentDigest)
                && choice != null && choice.equals(other.choice);
    }

    boolean enteredBy(Actor actor) {
        return enteredBy.equals(actor.stored());
    }

    void wipeChoice() {
        choice = null;
    }

    public Long getId() {
        return id;
    }

    public int ordinal() {
        return ordinal;
    }

    public long citizenId() {
        return citizenId;
    }

    public String documentDigest() {
        return documentDigest;
    }

    /** The choice as typed, until the ballot is decided. */
    public Optional<String> choice() {
        return Optional.ofNullable(choice);
    }

    public Actor enteredBy() {
        return Actor.parse(enteredBy);
    }

    public Instant enteredAt() {
        return enteredAt;
    }
}
