package kz.qatysu.voting.application;

import java.io.Serializable;
import java.util.List;
import kz.qatysu.platform.text.LocalizedText;

/** A round in voting whose paper ballots the caller may enter: its ballot rule and the projects, in id order. */
public record PaperRound(long id, LocalizedText title, String ballotKind, Integer minPicks, Integer maxPicks,
                         Integer points, Integer maxPointsPerProject, String paperAfterOnline,
                         List<Option> options) implements Serializable {

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
