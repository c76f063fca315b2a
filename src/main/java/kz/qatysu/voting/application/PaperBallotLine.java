package kz.qatysu.voting.application;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A paper ballot still waiting, for the staff list. Pending ballots show no choice (the second entry is blind);
 * mismatched ones show every entry's version for the re-entry; flagged ones name the voter, not the choice.
 *
 * @param voter masked IIN and full name of the voter the first entry (or the agreement) named
 */
public record PaperBallotLine(long id, String serial, String status, String voter, List<Version> versions)
        implements Serializable {

    /** One entry: who typed it, when (local time of the round), and — on a mismatch only — what. */
    public record Version(int ordinal, String enteredBy, LocalDateTime enteredAt, String voter, String choice)
            implements Serializable {
    }
}
