package kz.qatysu.counting.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import kz.qatysu.counting.application.CountingService;
import kz.qatysu.counting.domain.CountedBallot;
import kz.qatysu.counting.domain.TallyPosition;

/**
 * Reads the counted ballots of every round being tallied, in (round, ballot) order, a page at a time. Its checkpoint
 * is the last ballot handed out: a restarted step reads on from there.
 */
@Named("countedBallotReader")
@Dependent
public class CountedBallotReader extends AbstractItemReader {

    static final int PAGE = 5000;

    @EJB
    private CountingService counting;

    private TallyPosition position = TallyPosition.START;
    private final Deque<CountedBallot> page = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        position = checkpoint instanceof TallyPosition p ? p : TallyPosition.START;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(counting.ballotsAfter(position, PAGE));
            exhausted = page.size() < PAGE;
        }
        CountedBallot next = page.poll();
        if (next != null) {
            position = new TallyPosition(next.roundId(), next.ballotId());
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return position;
    }
}
