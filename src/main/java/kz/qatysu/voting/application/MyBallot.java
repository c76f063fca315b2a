package kz.qatysu.voting.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The voter's current ballot in a round: what it holds, how and when it was cast, how many times they cast, and the
 * receipt code that only they are shown.
 *
 * @param projects the chosen projects (approval and knapsack ballots)
 * @param points   points per project (cumulative ballots; 1 per project on the others)
 */
public record MyBallot(long roundId, int version, String channel, Instant castAt, List<Long> projects,
                       Map<Long, Integer> points, String receipt) {
}
