package kz.qatysu.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.proposal.domain.ProposalStatus;

/** {@code staff/moderation.xhtml}: submitted proposals, those under moderation, and (to look at) those returned. */
@Named
@ViewScoped
public class ModerationQueueBacking extends StaffQueue {
    private static final long serialVersionUID = 1L;

    private static final List<ProposalStatus> STATUSES = List.of(ProposalStatus.SUBMITTED,
            ProposalStatus.UNDER_MODERATION, ProposalStatus.RETURNED_FOR_CHANGES);

    @Override
    public List<ProposalStatus> getStatuses() {
        return STATUSES;
    }
}
