package kz.qatysu.voting.application;

import java.time.Instant;
import kz.qatysu.platform.text.LocalizedText;

/** A round whose ballot the citizen opened but has not cast while voting is still open. */
public record BallotReminder(long roundId, LocalizedText title, Instant votingEndsAt) {
}
