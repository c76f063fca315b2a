package kz.qatysu.counting.domain;

import java.io.Serializable;

/**
 * A counted ballot as the tally reads it: the current ballot of a voter in a closed round (no voter, no receipt).
 *
 * @param roundId     the round
 * @param ballotId    the ballot row (the reader's position)
 * @param proposalIds the proposals it names
 * @param points      points per proposal (1 each on approval and knapsack ballots)
 */
public record CountedBallot(long roundId, long ballotId, long[] proposalIds, int[] points) implements Serializable {

    public CountedBallot {
        if (proposalIds.length != points.length) {
            throw new IllegalArgumentException("one point count per proposal");
        }
    }

    public RoundAllocation.CountedChoice choice() {
        return new RoundAllocation.CountedChoice(proposalIds, points);
    }
}
