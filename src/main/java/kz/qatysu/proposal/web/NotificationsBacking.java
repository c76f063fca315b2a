package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.proposal.application.ProposalService;
import kz.qatysu.proposal.application.ProposalService.NotificationView;

/** The author's notification list: every status change of their proposals, newest first. */
@Named
@RequestScoped
public class NotificationsBacking {

    static final int PAGE_SIZE = 50;

    @EJB
    private ProposalService proposals;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    private List<NotificationView> items;

    public List<NotificationView> getItems() {
        if (items == null) {
            items = proposals.notifications(0, PAGE_SIZE);
        }
        return items;
    }

    /** The notification's sentence in the page's language. */
    public String text(NotificationView n) {
        return messages.text(n.messageKey(), n.proposalId());
    }

    public String markAllRead() {
        if (!actions.attempt(null, () -> {
            proposals.markNotificationsRead();
        })) {
            return null;
        }
        return "/cabinet/notifications?faces-redirect=true";
    }
}
