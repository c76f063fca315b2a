package kz.qatysu.registry.simulator;

import java.time.Instant;
import kz.qatysu.registry.domain.AllocationNotice;

/**
 * A message a simulated registry stored: its idempotency key (REST) or message id (SOAP), the transport
 * ({@code rest} or {@code soap}), the sender id, the round and version, the SHA-256 of the notice's canonical JSON,
 * how many deliveries with this key arrived (stored or not), when it was stored, whether a higher version of the
 * round had arrived before it, and the notice.
 */
public record ReceivedMessage(String idempotencyKey, String transport, String senderId, long roundId, int version,
                              String bodyDigest, int deliveries, Instant receivedAt, boolean outOfOrder,
                              AllocationNotice notice) {
}
