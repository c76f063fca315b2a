package kz.qatysu.voting.application;

import java.time.Instant;
import java.util.List;
import kz.qatysu.platform.text.LocalizedText;

/**
 * A round's ballot as one voter sees it: the frozen ballot rule, the projects in this voter's order, whether they
 * may vote (and why not), and their current ballot if they cast one.
 *
 * @param ineligibleKey     message key of the reason the voter may not vote, or null when they may
 * @param ineligibleArgument argument of that message (the minimum age), or null
 */
public record BallotSheet(long roundId, LocalizedText title, String territoryCode, LocalizedText territory,
                          String ballotKind, Integer minPicks, Integer maxPicks, Integer minBudgetSharePercent,
                          Integer points, Integer maxPointsPerProject, long budget, Instant votingEndsAt,
                          String manifestSha256, String ineligibleKey, Integer ineligibleArgument,
                          List<BallotEntry> options, MyBallot current) {

    /** One project on the ballot. */
    public record BallotEntry(long proposalId, String title, String categoryCode, LocalizedText category,
                              long assessedCost) {
    }

    public boolean eligible() {
        return ineligibleKey == null;
    }
}
