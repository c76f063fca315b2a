package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.proposal.application.ProposalCatalog;
import kz.qatysu.proposal.application.ProposalFilter;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.Option;

/**
 * The public proposal list ({@code /proposals.xhtml}): filters come from the query string (a GET form, so every
 * result is a bookmarkable URL); the table pages and sorts by AJAX within the view.
 */
@Named
@ViewScoped
public class ProposalListBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ProposalCatalog proposalCatalog;
    @EJB
    private RoundCatalog roundCatalog;

    private String territory;
    private String round;
    private String category;
    private String status;
    private String q;

    private ProposalLazyModel proposals;
    private List<Option> territories;
    private List<Option> rounds;
    private List<Option> categories;

    /** View action (initial GET only): reads the filters leniently and sets up the lazy list and the choices. */
    public void search() {
        ProposalFilter filter = ProposalFilter.parse(territory, ViewParameters.id(round).orElse(null), category,
                status, q);
        // Echo only what was understood, never a malformed or oversized value.
        territory = filter.territory() == null ? null : filter.territory().value();
        round = filter.roundId() == null ? null : filter.roundId().toString();
        category = filter.category();
        status = filter.status() == null ? null : filter.status().code();
        q = filter.text().isEmpty() ? null : filter.text().text();
        proposals = new ProposalLazyModel(proposalCatalog, filter);
        territories = roundCatalog.territoryOptions();
        rounds = roundCatalog.roundOptions();
        categories = roundCatalog.categoryOptions(filter.roundId());
    }

    public ProposalLazyModel getProposals() {
        return proposals;
    }

    public List<Option> getTerritories() {
        return territories;
    }

    public List<Option> getRounds() {
        return rounds;
    }

    public List<Option> getCategories() {
        return categories;
    }

    /** The public statuses in lifecycle order. */
    public List<ProposalStatus> getStatuses() {
        return RoundCatalog.PUBLIC_STATUSES.stream().sorted().toList();
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getRound() {
        return round;
    }

    public void setRound(String round) {
        this.round = round;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }
}
