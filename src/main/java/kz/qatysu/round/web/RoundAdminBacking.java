package kz.qatysu.round.web;

import jakarta.ejb.EJB;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.qatysu.allocation.domain.AllocationRules;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.json.PrettyJson;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.round.application.AdminRoundView;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.application.RoundForm;
import kz.qatysu.round.domain.Phase;

/**
 * Admin page {@code /admin/round?id=N}: one round's texts, budget, eligibility and calendar, its categories, its ballot
 * and allocation rules, its phase (with the step to the next one) and its rules manifest. Once voting opened the rule
 * forms are gone and the service refuses rule changes anyway.
 */
@Named
@ViewScoped
public class RoundAdminBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String ROUND_FORM = "roundForm";
    static final String CATEGORIES_FORM = "categoriesForm";
    static final String RULES_FORM = "rulesForm";
    static final String PAPER_FORM = "paperForm";
    private static final String COMPARISON = "_comparison";
    private static final String COMPARISON_EXCLUSION = "_comparison_exclusion";

    private static final Map<String, String> RULE_FIELDS = Map.of(
            "round.error.ballot-kind", "ballotKind",
            "round.error.ballot-picks", "minPicks",
            "round.error.ballot-budget-share", "minBudgetSharePercent",
            "round.error.ballot-points", "points",
            "round.error.allocation-rule", "allocationRule");

    @EJB
    private RoundAdministration administration;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    /** The view parameter as received; anything but a round's id answers 404. */
    private String id;
    private AdminRoundView round;
    private RoundFields fields;
    private List<CategoryRow> categories;
    private BallotFields ballot;
    private String allocationRule;
    private List<SelectItem> allocationRules;
    private String paperAfterOnline;

    /** View action: loads the round (404 for an unknown or malformed id). */
    public void load() {
        round = actions.attempt(null, () -> administration.view(parseId(id)));
        if (round == null) {
            return;
        }
        fields = RoundFields.of(round);
        categories = new ArrayList<>(round.categories().stream().map(CategoryRow::of).toList());
        ballot = BallotFields.of(round.ballot());
        allocationRule = round.allocationRule();
        paperAfterOnline = round.paperAfterOnline();
        allocationRules = AllocationRules.keys().stream()
                .map(key -> new SelectItem(key, key + " — " + describe(key)))
                .toList();
    }

    private static long parseId(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            throw new NotFound("round");
        }
        return Long.parseLong(raw);
    }

    private String describe(String key) {
        if (key.endsWith(COMPARISON_EXCLUSION)) {
            return messages.text("round.allocation." + key.substring(0, key.length() - COMPARISON_EXCLUSION.length()))
                    + "; " + messages.text("round.allocation.suffix.comparison-exclusion");
        }
        if (key.endsWith(COMPARISON)) {
            return messages.text("round.allocation." + key.substring(0, key.length() - COMPARISON.length()))
                    + "; " + messages.text("round.allocation.suffix.comparison");
        }
        return messages.text("round.allocation." + key);
    }

    public String save() {
        boolean saved = actions.attemptPerField(RoundFields.fieldsOf(ROUND_FORM),
                () -> administration.update(round.id(), fields.toForm()));
        return saved ? done("admin.round.saved") : null;
    }

    public void addCategory() {
        categories.add(new CategoryRow());
    }

    public void removeCategory(CategoryRow row) {
        categories.remove(row);
    }

    public String saveCategories() {
        List<RoundForm.Category> list = categories.stream().filter(r -> !r.isBlank()).map(CategoryRow::toCategory).toList();
        boolean saved = actions.attempt(CATEGORIES_FORM + ":categories",
                () -> administration.defineCategories(round.id(), list));
        return saved ? done("admin.round.categories-saved") : null;
    }

    public String saveRules() {
        Function<String, String> fieldOf = key -> RoundFields.fieldOf(RULES_FORM, key, RULE_FIELDS);
        boolean saved = actions.attemptPerField(fieldOf,
                () -> administration.chooseRules(round.id(), ballot.toBallot(), allocationRule));
        return saved ? done("admin.round.rules-saved") : null;
    }

    public String savePaperAfterOnline() {
        boolean saved = actions.attempt(PAPER_FORM + ":paperAfterOnline",
                () -> administration.choosePaperAfterOnline(round.id(), paperAfterOnline));
        return saved ? done("admin.round.paperAfterOnline.saved") : null;
    }

    public String advance() {
        Phase next = actions.attempt(null, () -> administration.advance(round.id()));
        if (next == null) {
            return null;
        }
        messages.flashInfo("admin.round.advanced", next.messageKey());
        return "/admin/round?faces-redirect=true&id=" + round.id();
    }

    private String done(String messageKey) {
        messages.flashInfo(messageKey);
        return "/admin/round?faces-redirect=true&id=" + round.id();
    }

    /** What the confirmation of the phase step says: a warning when voting, and with it the rules' freeze, is next. */
    public String getAdvanceConfirmation() {
        if (round == null || round.nextPhase() == null) {
            return "";
        }
        return round.nextPhase() == Phase.VOTING
                ? messages.text("admin.round.advance.confirm-voting")
                : messages.text("admin.round.advance.confirm", round.nextPhase().messageKey());
    }

    /** The manifest as it would be frozen now, indented. */
    public String getDraftManifest() {
        return round == null ? null : PrettyJson.of(round.draftManifest());
    }

    public List<String> getBallotKinds() {
        return List.of(BallotFields.APPROVAL, BallotFields.KNAPSACK, BallotFields.CUMULATIVE);
    }

    public List<SelectItem> getAllocationRules() {
        return allocationRules;
    }

    /** The description of the chosen allocation rule, for the read-only view. */
    public String getAllocationRuleDescription() {
        return round == null || round.allocationRule() == null ? null : describe(round.allocationRule());
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public AdminRoundView getRound() {
        return round;
    }

    public RoundFields getFields() {
        return fields;
    }

    public List<CategoryRow> getCategories() {
        return categories;
    }

    public BallotFields getBallot() {
        return ballot;
    }

    public String getAllocationRule() {
        return allocationRule;
    }

    public void setAllocationRule(String allocationRule) {
        this.allocationRule = allocationRule;
    }

    public List<String> getPaperAfterOnlineRules() {
        return List.of("REFUSE", "FLAG");
    }

    public String getPaperAfterOnline() {
        return paperAfterOnline;
    }

    public void setPaperAfterOnline(String paperAfterOnline) {
        this.paperAfterOnline = paperAfterOnline;
    }
}
