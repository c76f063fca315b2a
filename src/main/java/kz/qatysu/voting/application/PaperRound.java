package kz.qatysu.voting.application;

import java.io.Serializable;
import java.util.List;
import kz.qatysu.platform.text.LocalizedText;

/**
 * A round in voting whose paper ballots the caller may enter: its ballot rule, the projects in id order, and the
 * meetings held during its voting that may have collected ballots (most recent first).
 */
public record PaperRound(long id, LocalizedText title, String ballotKind, Integer minPicks, Integer maxPicks,
                         Integer points, Integer maxPointsPerProject, String paperAfterOnline,
                         List<Option> options, List<Meeting> meetings) implements Serializable {

    /** A local community meeting of the round's territory held during voting, which may have collected ballots. */
    public record Meeting(long id, java.time.LocalDate heldOn, String place, String territoryCode) implements Serializable {
        /** The meeting id as a select value. */
        public String key() {
            return Long.toString(id);
        }
    }

    /** One project on the ballot. */
    public record Option(long proposalId, String title, long assessedCost) implements Serializable {
        /** The proposal id as a checkbox value. */
        public String key() {
            return Long.toString(proposalId);
        }
    }

    public boolean cumulative() {
        return "CUMULATIVE".equals(ballotKind);
    }
}
