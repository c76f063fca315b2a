package kz.qatysu.registry.application;

import java.time.Instant;

/** A row of the outbox as the relay and the admin page see it. */
public record OutboxMessage(long id, String idempotencyKey, String target, String kind, long roundId, int version,
                           String status, int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt,
                           String lastDetail) {
}
