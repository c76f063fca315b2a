package kz.qatysu.results.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.results.application.RuleComparisonService;
import kz.qatysu.results.application.RuleComparisonService.CountedRoundLine;
import kz.qatysu.results.application.RuleComparisonService.View;

/**
 * {@code /staff/comparison.xhtml}: the counted rounds the staff member may compare, and with {@code ?round=N} greedy
 * against the Method of Equal Shares on that round's ballots (403 outside the caller's territory, 404 for no round).
 */
@Named
@RequestScoped
public class ComparisonBacking {

    @EJB
    private RuleComparisonService comparisons;
    @Inject
    private FacesActions actions;

    private String round;
    private View view;
    private List<CountedRoundLine> rounds = List.of();

    /** View action. */
    public void load() {
        if (round == null || round.isBlank()) {
            rounds = comparisons.countedRounds();
            return;
        }
        Optional<Long> id = ViewParameters.id(round);
        if (id.isEmpty()) {
            ViewParameters.notFound();
            return;
        }
        view = actions.attempt(null, () -> comparisons.compare(id.get()));
    }

    public String getRound() {
        return round;
    }

    public void setRound(String round) {
        this.round = round;
    }

    public View getView() {
        return view;
    }

    public List<CountedRoundLine> getRounds() {
        return rounds;
    }
}
