package kz.qatysu.registry.application;

/** What the relay does with a message after a delivery attempt. */
public enum DeliveryResult {
    /** The registry has the message (now or from an earlier attempt): done. */
    DELIVERED,
    /** Not known to be received (registry down, overloaded, timed out, local trouble): try again later. */
    RETRY,
    /** The registry refused the message itself: trying again will not help, an operator has to look. */
    REJECTED
}
