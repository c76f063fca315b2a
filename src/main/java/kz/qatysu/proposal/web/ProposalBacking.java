package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.proposal.application.ProposalCatalog;
import kz.qatysu.proposal.application.ProposalCatalog.ProposalDetail;

/** The public page of one proposal ({@code /proposal.xhtml?id=N}); 404 unless the proposal exists and is public. */
@Named
@RequestScoped
public class ProposalBacking {

    @EJB
    private ProposalCatalog catalog;

    private String id;
    private ProposalDetail proposal;

    /** View action: loads the proposal of the {@code id} view parameter. */
    public void load() {
        proposal = ViewParameters.id(id).flatMap(catalog::proposal).orElse(null);
        if (proposal == null) {
            ViewParameters.notFound();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ProposalDetail getProposal() {
        return proposal;
    }
}
