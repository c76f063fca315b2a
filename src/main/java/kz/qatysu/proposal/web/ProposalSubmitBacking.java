package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.proposal.application.ProposalService;
import kz.qatysu.proposal.application.ProposalService.Draft;

/**
 * Last step of the wizard: the proposal as it will be sent, and the submit button. View-scoped, so that the posted
 * submit still finds the proposal it showed (the form is only rendered for a proposal of the caller).
 */
@Named
@ViewScoped
public class ProposalSubmitBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ProposalService proposals;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    private Long id;
    private Draft draft;

    public void load() {
        if (id != null && draft == null) {
            draft = actions.attempt(null, () -> proposals.own(id));
        }
    }

    public String submit() {
        if (id == null || !actions.attempt(null, () -> proposals.submit(id))) {
            return null;
        }
        messages.flashInfo("proposal.submitted");
        return "/cabinet/proposals?faces-redirect=true";
    }

    public long getTotal() {
        return draft == null ? 0 : draft.form().costLines().stream().mapToLong(l -> l.quantity() * l.unitPrice()).sum();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Draft getDraft() {
        return draft;
    }
}
