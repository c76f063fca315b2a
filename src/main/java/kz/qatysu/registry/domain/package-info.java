/**
 * What government registries receive from the platform: the allocation notice of a round with its JSON and XML
 * forms, and the registries the platform delivers to. Plain Java, unit-testable with {@code new}.
 */
package kz.qatysu.registry.domain;
