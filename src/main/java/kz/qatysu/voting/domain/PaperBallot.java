package kz.qatysu.voting.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * A numbered paper ballot of a round as akimat staff enter it: nothing counts until two entries by two different
 * staff members agree on the voter, the voter's document data and the choice. The first entry makes it pending; an
 * entry that agrees with an earlier entry of someone else settles it (the caller then counts, flags or refuses it);
 * one that agrees with none makes it a mismatch, which further entries may settle the same way. Once decided, the
 * typed choices are wiped; who entered and decided, and when, stays.
 */
@Entity
@Table(name = "paper_ballot")
@NamedQuery(name = "PaperBallot.findBySerial",
        query = "select b from PaperBallot b where b.roundId = :roundId and b.serial = :serial")
@NamedQuery(name = "PaperBallot.findOpenByRound",
        query = "select b from PaperBallot b where b.roundId = :roundId and b.status in :statuses order by b.id")
@NamedQuery(name = "PaperBallot.countOtherOfVoter",
        query = "select count(b) from PaperBallot b where b.roundId = :roundId and b.citizenId = :citizenId "
                + "and b.status in :statuses and b.id <> :id")
public class PaperBallot {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(name = "round_id", nullable = false, updatable = false)
    private long roundId;

    @Column(name = "serial", nullable = false, updatable = false, length = PaperSerial.MAX_LENGTH)
    private String serial;

    @Column(name = "citizen_id", nullable = false)
    private long citizenId;

    @Column(name = "meeting_id", updatable = false)
    private Long meetingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private PaperBallotStatus status;

    @Column(name = "decided_by", length = Actor.MAX_LENGTH)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @OneToMany(mappedBy = "ballot", cascade = CascadeType.PERSIST)
    @OrderBy("ordinal")
    private List<PaperBallotEntry> entries = new ArrayList<>();

    protected PaperBallot() {
        // for JPA
    }

    /** A ballot cast at the akimat, entered for the first time: pending until someone else enters it the same. */
    public static PaperBallot firstEntry(long roundId, PaperSerial serial, PaperBallotEntry entry) {
        return firstEntry(roundId, serial, entry, null);
    }

    /**
     * A ballot entered for the first time: pending until someone else enters it the same.
     *
     * @param meetingId the local community meeting that collected it, or {@code null} for a ballot cast at the akimat
     */
    public static PaperBallot firstEntry(long roundId, PaperSerial serial, PaperBallotEntry entry, Long meetingId) {
        PaperBallot b = new PaperBallot();
        b.meetingId = meetingId;
        b.roundId = roundId;
        b.serial = Objects.requireNonNull(serial, "serial").value();
        b.status = PaperBallotStatus.PENDING;
        b.citizenId = entry.citizenId();
        b.append(entry);
        return b;
    }

    /**
     * Another entry of this ballot. It settles the ballot when it agrees with an earlier entry made by someone else
     * (then the caller must {@link #confirm}, {@link #flag} or {@link #refuse} it); otherwise the ballot is a
     * mismatch and the entry is kept for comparison.
     *
     * @return the agreeing entries' voter, when they agree
     * @throws DomainRuleViolation {@code paper.error.decided} when the ballot takes no more entries,
     *                             {@code paper.error.same-person} when the only entries it would agree with, or
     *                             the only entry there is, are the same staff member's own
     */
    public Optional<Long> addEntry(PaperBallotEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!status.acceptsEntries()) {
            throw new DomainRuleViolation("paper.error.decided");
        }
        Actor by = entry.enteredBy();
        if (entries.stream().allMatch(e -> e.enteredBy(by))) {
            throw new DomainRuleViolation("paper.error.same-person");
        }
        boolean agreesWithOther = entries.stream().anyMatch(e -> !e.enteredBy(by) && e.agreesWith(entry));
        if (!agreesWithOther && entries.stream().anyMatch(e -> e.agreesWith(entry))) {
            // Typing one's own version again proves nothing.
            throw new DomainRuleViolation("paper.error.same-person");
        }
        append(entry);
        if (agreesWithOther) {
            citizenId = entry.citizenId();
            return Optional.of(entry.citizenId());
        }
        status = PaperBallotStatus.MISMATCH;
        return Optional.empty();
    }

    /** The agreed choice of a settled ballot not yet decided (a flagged one), in canonical form. */
    public Optional<String> agreedChoice() {
        return status == PaperBallotStatus.FLAGGED ? last().choice() : Optional.empty();
    }

    /** Counted: by the entry that agreed, or by a moderator on a flagged ballot. */
    public void confirm(Actor by, Instant now) {
        requireSettledOrFlagged();
        decide(PaperBallotStatus.CONFIRMED, by, now);
    }

    /** Settled, but held for a moderator: the person had voted online and the round flags such ballots. */
    public void flag() {
        requireSettled();
        status = PaperBallotStatus.FLAGGED;
    }

    /** Settled, but refused: the person had voted online and the round refuses such ballots. */
    public void refuse(Actor by, Instant now) {
        requireSettledOrFlagged();
        decide(PaperBallotStatus.REFUSED, by, now);
    }

    /**
     * A moderator's rejection of a ballot still open (pending, mismatched or flagged).
     *
     * @throws DomainRuleViolation {@code paper.error.decided}
     */
    public void reject(Actor by, Instant now) {
        if (!status.isOpen()) {
            throw new DomainRuleViolation("paper.error.decided");
        }
        decide(PaperBallotStatus.REJECTED, by, now);
    }

    private void decide(PaperBallotStatus outcome, Actor by, Instant now) {
        status = outcome;
        decidedBy = Objects.requireNonNull(by, "by").stored();
        decidedAt = Objects.requireNonNull(now, "now");
        entries.forEach(PaperBallotEntry::wipeChoice);
    }

    /** The last entry agreed with an earlier one of someone else: the ballot is settled but not decided. */
    private boolean settled() {
        if (!status.acceptsEntries() || entries.size() < 2) {
            return false;
        }
        PaperBallotEntry last = last();
        return entries.stream().anyMatch(e -> e != last && !e.enteredBy(last.enteredBy()) && e.agreesWith(last));
    }

    private void requireSettled() {
        if (!settled()) {
            throw new DomainRuleViolation("paper.error.decided");
        }
    }

    private void requireSettledOrFlagged() {
        if (status != PaperBallotStatus.FLAGGED) {
            requireSettled();
        }
    }

    private void append(PaperBallotEntry entry) {
        entry.attach(this, entries.size() + 1);
        entries.add(entry);
    }

    private PaperBallotEntry last() {
        return entries.get(entries.size() - 1);
    }

    public Long getId() {
        return id;
    }

    public long roundId() {
        return roundId;
    }

    public PaperSerial serial() {
        return new PaperSerial(serial);
    }

    /** The meeting that collected the ballot; empty for one cast at the akimat. */
    public Optional<Long> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    /** The channel the ballot counts under: {@link Channel#MEETING} when a meeting collected it, else paper. */
    public Channel channel() {
        return meetingId == null ? Channel.PAPER : Channel.MEETING;
    }

    public long citizenId() {
        return citizenId;
    }

    public PaperBallotStatus status() {
        return status;
    }

    public Optional<Actor> decidedBy() {
        return Optional.ofNullable(decidedBy).map(Actor::parse);
    }

    public Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public List<PaperBallotEntry> entries() {
        return Collections.unmodifiableList(entries);
    }
}
