package kz.qatysu.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.proposal.domain.ProposalStatus;

/** {@code staff/review.xhtml}: proposals accepted by moderation and those the expert council is reviewing. */
@Named
@ViewScoped
public class ReviewQueueBacking extends StaffQueue {
    private static final long serialVersionUID = 1L;

    private static final List<ProposalStatus> STATUSES = List.of(ProposalStatus.ACCEPTED, ProposalStatus.UNDER_REVIEW);

    @Override
    public List<ProposalStatus> getStatuses() {
        return STATUSES;
    }
}
