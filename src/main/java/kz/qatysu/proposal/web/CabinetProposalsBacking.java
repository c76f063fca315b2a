package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.LocaleBacking;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.application.ProposalService;
import kz.qatysu.proposal.application.ProposalService.OpenRound;
import kz.qatysu.proposal.application.ProposalService.OwnProposal;
import kz.qatysu.proposal.application.ProposalService.SupportItem;

/** The citizen's proposals page: rounds open for proposals, own proposals with their actions, support collection. */
@Named
@RequestScoped
public class CabinetProposalsBacking {

    private static final String SELF = "/cabinet/proposals?faces-redirect=true";

    @EJB
    private ProposalService proposals;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;
    @Inject
    private LocaleBacking locale;

    private List<OpenRound> openRounds;
    private List<OwnProposal> mine;
    private List<SupportItem> collecting;
    private Long unread;

    public List<OpenRound> getOpenRounds() {
        if (openRounds == null) {
            openRounds = proposals.openRounds();
        }
        return openRounds;
    }

    public List<OwnProposal> getMine() {
        if (mine == null) {
            mine = proposals.mine();
        }
        return mine;
    }

    public List<SupportItem> getCollecting() {
        if (collecting == null) {
            collecting = proposals.collectingSupport();
        }
        return collecting;
    }

    public long getUnread() {
        if (unread == null) {
            unread = proposals.unreadNotifications();
        }
        return unread;
    }

    /** The round title in the page's language (Russian when the English one is missing). */
    public String title(OpenRound r) {
        return new LocalizedText(r.titleKk(), r.titleRu(), r.titleEn()).in(locale.getLanguage());
    }

    public String submit(long id) {
        return actions.attempt(null, () -> proposals.submit(id)) ? done("proposal.submitted") : null;
    }

    public String withdraw(long id) {
        return actions.attempt(null, () -> proposals.withdraw(id)) ? done("proposal.withdrawn") : null;
    }

    public String support(long id) {
        Long supporters = actions.attempt(null, () -> proposals.support(id));
        return supporters != null ? done("proposal.supported") : null;
    }

    private String done(String key) {
        messages.flashInfo(key);
        return SELF;
    }
}
