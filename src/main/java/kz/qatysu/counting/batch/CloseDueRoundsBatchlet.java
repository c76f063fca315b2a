package kz.qatysu.counting.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.counting.application.CountingService;

/** Step 1 of close-round: closes every round whose voting ended and opens a count for every closed round. */
@Named("closeDueRounds")
@Dependent
public class CloseDueRoundsBatchlet extends AbstractBatchlet {

    private static final Logger LOGGER = Logger.getLogger(CloseDueRoundsBatchlet.class.getName());

    @EJB
    private CountingService counting;
    @Inject
    private JobContext job;

    @Override
    public String process() {
        int closed = 0;
        for (long roundId : counting.dueForClosing()) {
            if (counting.close(roundId)) {
                closed++;
            }
        }
        List<Long> tallying = counting.openCounts(job.getExecutionId());
        LOGGER.log(Level.INFO, "close-round: {0} round(s) closed now, {1} being counted: {2}",
                new Object[]{closed, tallying.size(), tallying});
        return tallying.isEmpty() ? "NOTHING_TO_COUNT" : "COUNTING";
    }
}
