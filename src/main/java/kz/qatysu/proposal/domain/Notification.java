package kz.qatysu.proposal.domain;

import java.time.Instant;

/**
 * A message for a proposal's author about a status change, produced by the proposal for the author's notification
 * list in the cabinet. The text is a bundle key with the statuses as arguments; the comment is the staff's cleaned
 * text, shown escaped.
 */
public record Notification(Long proposalId, long recipientCitizenId, ProposalStatus from, ProposalStatus to,
                           String messageKey, String comment, Instant at) {
}
