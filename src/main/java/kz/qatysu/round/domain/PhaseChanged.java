package kz.qatysu.round.domain;

import java.time.Instant;
import kz.qatysu.platform.domain.Actor;

/** A round moved to its next phase: a domain event for the audit log and notifications. */
public record PhaseChanged(Long roundId, Phase from, Phase to, Actor actor, Instant at) {
}
