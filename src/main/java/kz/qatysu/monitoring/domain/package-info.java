/**
 * Implementation monitoring of funded projects: the {@link kz.qatysu.monitoring.domain.Implementation} aggregate
 * (milestones, percentage done, money, history) and its photos. Plain JPA entities, unit-tested with {@code new}.
 */
package kz.qatysu.monitoring.domain;
