package kz.qatysu.voting.application;

import kz.qatysu.voting.domain.PaperBallotStatus;

/**
 * What an entry did: the paper ballot's status afterwards.
 *
 * @param votedOnline whether the voter had already voted online (a first entry under the FLAG rule says so)
 */
public record PaperEntryResult(long paperBallotId, PaperBallotStatus status, boolean votedOnline) {
}
