package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.LocaleBacking;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.application.ProposalForm;
import kz.qatysu.proposal.application.ProposalService;
import kz.qatysu.proposal.application.ProposalService.Category;
import kz.qatysu.proposal.application.ProposalService.Draft;

/**
 * Step 1 of the submission wizard: the project's text, place and cost lines, saved as a draft (a new one for
 * {@code round}, or the proposal {@code id}). Step 2 attaches files, step 3 reviews and submits.
 */
@Named
@ViewScoped
public class ProposalWizardBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ProposalService proposals;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;
    @Inject
    private LocaleBacking locale;

    private Long round;
    private Long id;
    private boolean loaded;
    private String status;
    private List<Category> categories = List.of();
    private List<ProposalService.Comment> comments = List.of();

    private final ProposalFormModel proposal = new ProposalFormModel();

    /** View action: loads the draft being edited, or prepares a new one for the round. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (id != null) {
            Draft draft = actions.attempt(null, () -> proposals.own(id));
            if (draft == null) {
                return;
            }
            round = draft.roundId();
            status = draft.status();
            comments = draft.comments();
            proposal.fill(draft.form());
        }
        if (round != null) {
            List<Category> found = actions.attempt(null, () -> proposals.categories(round));
            categories = found == null ? List.of() : found;
        }
    }

    /** Saves the draft and goes on to the attachments step. */
    public String save() {
        ProposalForm form = proposal.toForm();
        Long saved;
        if (id == null) {
            saved = actions.attempt(null, () -> proposals.draft(round, form));
        } else {
            saved = actions.attempt(null, () -> {
                proposals.edit(id, form);
                return id;
            });
        }
        if (saved == null) {
            return null;
        }
        messages.flashInfo("proposal.draft.saved");
        return "/cabinet/proposal-attachments?faces-redirect=true&id=" + saved;
    }

    public String categoryName(Category c) {
        return new LocalizedText(c.nameKk(), c.nameRu(), c.nameEn()).in(locale.getLanguage());
    }

    // ---------------------------------------------------------------- properties

    public Long getRound() {
        return round;
    }

    public void setRound(Long round) {
        this.round = round;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getStatus() {
        return status;
    }

    public List<Category> getCategories() {
        return categories;
    }

    public List<ProposalService.Comment> getComments() {
        return comments;
    }

    public ProposalFormModel getProposal() {
        return proposal;
    }
}
