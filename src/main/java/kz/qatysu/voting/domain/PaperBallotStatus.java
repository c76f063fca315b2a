package kz.qatysu.voting.domain;

import java.util.Locale;

/** Where a paper ballot stands in its double entry. */
public enum PaperBallotStatus {
    /** Entered once; waits for an independent second entry by another staff member. */
    PENDING,
    /** Entries disagree; waits for a re-entry that agrees with an entry of someone else. */
    MISMATCH,
    /** Entries agree, but the person had already voted online and the round flags such ballots: a moderator decides. */
    FLAGGED,
    /** Entries agreed and the ballot went into the ballot box (on a flagged ballot: a moderator counted it). */
    CONFIRMED,
    /** Entries agreed, but the person had already voted online and the round refuses such ballots. */
    REFUSED,
    /** A moderator rejected the ballot (a flagged one, or one that never got two agreeing entries). */
    REJECTED;

    /** Whether the ballot still waits for an entry or a decision. */
    public boolean isOpen() {
        return this == PENDING || this == MISMATCH || this == FLAGGED;
    }

    /** Whether another entry may still be added. */
    public boolean acceptsEntries() {
        return this == PENDING || this == MISMATCH;
    }

    public String messageKey() {
        return "paper.status." + name().toLowerCase(Locale.ROOT);
    }
}
