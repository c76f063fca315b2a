package kz.qatysu.round.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.RoundSummary;

/** The public list of budget rounds ({@code /rounds.xhtml}). */
@Named
@RequestScoped
public class RoundListBacking {

    @EJB
    private RoundCatalog catalog;

    private List<RoundSummary> rounds;

    @PostConstruct
    void init() {
        rounds = catalog.roundList();
    }

    public List<RoundSummary> getRounds() {
        return rounds;
    }
}
