package kz.qatysu.counting.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.counting.application.CountingService;
import kz.qatysu.counting.domain.CountedBallot;

/** Adds a chunk of counted ballots to the tallies, in the chunk's transaction (with the reader's checkpoint). */
@Named("tallyWriter")
@Dependent
public class TallyWriter extends AbstractItemWriter {

    @EJB
    private CountingService counting;

    @Override
    public void writeItems(List<Object> items) {
        counting.addToTally(items.stream().map(CountedBallot.class::cast).toList());
    }
}
