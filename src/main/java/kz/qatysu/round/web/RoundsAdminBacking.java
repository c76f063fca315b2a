package kz.qatysu.round.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.application.RoundSummary;
import kz.qatysu.round.application.TerritoryName;
import kz.qatysu.territory.application.TerritoryCatalog;

/** Admin page {@code /admin/rounds}: every round, and the form of a new one. */
@Named
@ViewScoped
public class RoundsAdminBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String FORM = "newRoundForm";

    @EJB
    private RoundAdministration administration;
    @EJB
    private TerritoryCatalog territories;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;
    @Inject
    private Clock clock;

    private List<RoundSummary> rounds;
    private RoundFields fields;
    /** Names of the territories suggested so far, by code. */
    private final Map<String, TerritoryName> suggested = new HashMap<>();

    @PostConstruct
    void init() {
        rounds = administration.rounds();
        fields = RoundFields.proposed(LocalDate.now(clock));
    }

    public String create() {
        Long id = actions.attemptPerField(RoundFields.fieldsOf(FORM), () -> administration.create(fields.toForm()));
        if (id == null) {
            return null;
        }
        messages.flashInfo("admin.rounds.created");
        return "/admin/round?faces-redirect=true&id=" + id;
    }

    /** Territory codes for the typed code prefix or part of a name. */
    public List<String> completeTerritory(String query) {
        return territories.search(query, 15).stream().map(t -> {
            suggested.put(t.code(), new TerritoryName(t.code(), t.nameKk(), t.nameRu(), t.nameEn()));
            return t.code();
        }).toList();
    }

    /** A suggestion as shown: code and name in the language of the page. */
    public String territoryLabel(String code, String language) {
        TerritoryName name = suggested.get(code);
        return name == null ? code : code + " — " + name.in(language);
    }

    public List<RoundSummary> getRounds() {
        return rounds;
    }

    public RoundFields getFields() {
        return fields;
    }
}
