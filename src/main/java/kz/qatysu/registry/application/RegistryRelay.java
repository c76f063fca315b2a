package kz.qatysu.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.registry.domain.RegistryTarget;
import org.eclipse.microprofile.config.Config;

/**
 * Delivers the outbox: each due message with its idempotency key through the target's transport, every attempt
 * recorded. A registry that fails (5xx, timeout, down) gets the message again later, after an exponentially growing
 * pause, until {@code qatysu.registry.retry.max-attempts}; a refusal (4xx) or too many attempts make the message dead
 * (shown to administrators), while the other messages keep flowing.
 */
@ApplicationScoped
public class RegistryRelay {

    private static final Logger LOGGER = Logger.getLogger(RegistryRelay.class.getName());

    @Inject
    private OutboxStore store;
    @Inject
    private RegistryTargets targets;
    @Inject
    private RegistryGateway gateway;
    @Inject
    private Clock clock;
    @Inject
    private Config config;

    /** What one pass delivered. */
    public record Pass(int delivered, int retried, int dead, int superseded) {
        public int attempts() {
            return delivered + retried + dead;
        }
    }

    /** Delivers what is due now, until nothing is due or {@code stop} says so. */
    public Pass deliverDue(BooleanSupplier stop) {
        int maxAttempts = config.getOptionalValue("qatysu.registry.retry.max-attempts", Integer.class).orElse(10);
        Duration base = duration("qatysu.registry.retry.base", "PT30S");
        Duration max = duration("qatysu.registry.retry.max-delay", "PT1H");
        int delivered = 0;
        int retried = 0;
        int dead = 0;
        int superseded = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (!stop.getAsBoolean()) {
            List<Long> due = store.due(clock.instant(), 50).stream().filter(seen::add).toList();
            if (due.isEmpty()) {
                break;
            }
            for (long id : due) {
                if (stop.getAsBoolean()) {
                    break;
                }
                var claimed = store.claim(id);
                if (claimed.isEmpty()) {
                    superseded++;
                    continue;
                }
                OutboxStore.Claimed m = claimed.get();
                RegistryTarget target = targets.named(m.target()).orElse(null);
                Instant at = clock.instant();
                long started = System.nanoTime();
                Delivery delivery = target == null
                        ? new Delivery(DeliveryResult.RETRY, 0, null, "Target " + m.target() + " is not configured")
                        : gateway.deliver(new OutboundMessage(m.idempotencyKey(), m.kind(), m.roundId(), m.version(),
                        m.body()), target);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                store.recordAttempt(id, m.target(), delivery, at, took, maxAttempts, base, max);
                switch (delivery.result()) {
                    case DELIVERED -> delivered++;
                    case RETRY -> retried++;
                    case REJECTED -> dead++;
                }
                LOGGER.log(delivery.result() == DeliveryResult.DELIVERED ? Level.INFO : Level.WARNING,
                        "Registry {0}: message {1} {2} (HTTP {3}) {4}", new Object[]{m.target(), m.idempotencyKey(),
                                delivery.result(), delivery.status(), delivery.detail() == null ? "" : delivery.detail()});
            }
        }
        return new Pass(delivered, retried, dead, superseded);
    }

    private Duration duration(String key, String fallback) {
        return Duration.parse(config.getOptionalValue(key, String.class).orElse(fallback));
    }
}
