package kz.qatysu.round.web;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.RoundDetail;

/** The public page of one round ({@code /round.xhtml?id=N}); 404 for an unknown or malformed id. */
@Named
@RequestScoped
public class RoundBacking {

    @EJB
    private RoundCatalog catalog;

    private String id;
    private RoundDetail round;

    /** View action: loads the round of the {@code id} view parameter. */
    public void load() {
        round = ViewParameters.id(id).flatMap(catalog::roundDetail).orElse(null);
        if (round == null) {
            ViewParameters.notFound();
        }
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public RoundDetail getRound() {
        return round;
    }
}
