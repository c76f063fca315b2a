package kz.qatysu.registry.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.registry.application.RegistryRelay;

/** The publish-allocations job: delivers every outbox message due now; those waiting for a retry stay for a later run. */
@Named("publishAllocations")
@Dependent
public class PublishAllocationsBatchlet extends AbstractBatchlet {

    private static final Logger LOGGER = Logger.getLogger(PublishAllocationsBatchlet.class.getName());

    @Inject
    private RegistryRelay relay;
    private volatile boolean stopped;

    @Override
    public String process() {
        RegistryRelay.Pass pass = relay.deliverDue(() -> stopped);
        if (pass.attempts() > 0) {
            LOGGER.log(Level.INFO, "publish-allocations: {0} delivered, {1} to retry, {2} refused, {3} superseded",
                    new Object[]{pass.delivered(), pass.retried(), pass.dead(), pass.superseded()});
        }
        return "DELIVERED " + pass.delivered() + ", RETRY " + pass.retried() + ", DEAD " + pass.dead();
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
