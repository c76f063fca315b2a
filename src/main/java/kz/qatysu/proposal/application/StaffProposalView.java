package kz.qatysu.proposal.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A proposal as moderators and reviewers of its territory see it: everything the decision needs. */
public record StaffProposalView(long id, long roundId, String territory, String status, String title,
                                String description, String category, String address, Double latitude, Double longitude,
                                List<ProposalForm.Line> costLines, long estimatedCost, Long assessedCost,
                                List<String> coProposers, String proposerKind, Long meetingId, Instant submittedAt,
                                String rejectionReason, String infeasibilityReason, Long mergedInto,
                                List<HistoryItem> history, List<String> nextStatuses, LocalisedName territoryName,
                                LocalisedName categoryName) implements Serializable {

    public record HistoryItem(String from, String to, String actor, String comment, Instant at)
            implements Serializable {
    }
}
