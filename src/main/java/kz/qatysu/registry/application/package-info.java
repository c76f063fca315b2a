/**
 * Delivery of registry messages: the configured targets, the transports (REST with a detached JWS, SOAP with an
 * XML signature, a file drop) and the gateway that picks one per target. A transport never throws for a remote
 * failure: it answers DELIVERED, RETRY or REJECTED, and the outbox relay acts on that.
 */
package kz.qatysu.registry.application;
