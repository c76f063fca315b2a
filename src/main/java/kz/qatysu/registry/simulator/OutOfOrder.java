package kz.qatysu.registry.simulator;

/** A version of a round that arrived after a higher one ({@code after}), with its idempotency key. */
public record OutOfOrder(long roundId, int version, int after, String idempotencyKey) {
}
