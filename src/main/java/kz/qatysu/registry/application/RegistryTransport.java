package kz.qatysu.registry.application;

import kz.qatysu.registry.domain.RegistryTarget;

/**
 * Delivers one message to one registry. Implementations never throw for remote trouble (I/O errors, refused
 * connections, timeouts, unexpected answers): they answer {@link DeliveryResult#RETRY} or
 * {@link DeliveryResult#REJECTED} with a detail. Delivering the same message again is safe: registries deduplicate
 * on the idempotency key.
 */
public interface RegistryTransport {

    Delivery deliver(OutboundMessage message, RegistryTarget target);
}
