package kz.qatysu.counting.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.counting.application.CountingService;

/**
 * Last step of close-round: allocates every fully tallied round, one transaction per round (outcome, signed protocol
 * and registry messages together). A round that fails is reported and left tallied for the next run; the others go on.
 */
@Named("allocateCountedRounds")
@Dependent
public class AllocateCountedRoundsBatchlet extends AbstractBatchlet {

    private static final Logger LOGGER = Logger.getLogger(AllocateCountedRoundsBatchlet.class.getName());

    @EJB
    private CountingService counting;
    private volatile boolean stopped;

    @Override
    public String process() {
        int counted = 0;
        int failed = 0;
        for (long roundId : counting.tallying()) {
            if (stopped) {
                return "STOPPED";
            }
            try {
                if (counting.allocate(roundId)) {
                    counted++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOGGER.log(Level.SEVERE, "close-round: allocating round " + roundId + " failed", e);
            }
        }
        if (failed > 0) {
            throw new IllegalStateException(failed + " round(s) could not be allocated; " + counted + " were");
        }
        return "COUNTED " + counted;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
