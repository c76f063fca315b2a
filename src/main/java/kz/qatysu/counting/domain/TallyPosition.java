package kz.qatysu.counting.domain;

import java.io.Serializable;

/** The tally reader's checkpoint: the last ballot read, in (round, ballot) order. */
public record TallyPosition(long roundId, long ballotId) implements Serializable {

    public static final TallyPosition START = new TallyPosition(0, 0);
}
