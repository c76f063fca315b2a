package kz.qatysu.counting.domain;

import java.util.Map;
import java.util.TreeMap;

/** Per-project counts of a chunk of counted ballots of one round: ballots naming the project and their points. */
public final class Tally {

    private final Map<Long, long[]> counts = new TreeMap<>();
    private int ballots;

    public void add(CountedBallot ballot) {
        ballots++;
        for (int i = 0; i < ballot.proposalIds().length; i++) {
            long[] c = counts.computeIfAbsent(ballot.proposalIds()[i], id -> new long[2]);
            c[0]++;
            c[1] += ballot.points()[i];
        }
    }

    public int ballots() {
        return ballots;
    }

    /** Proposal id → {ballots, points}, in proposal order. */
    public Map<Long, long[]> counts() {
        return counts;
    }
}
