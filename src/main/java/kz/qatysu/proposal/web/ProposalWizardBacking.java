package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
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

    private String title;
    private String description;
    private String categoryCode;
    private String address;
    private Double latitude;
    private Double longitude;
    private final List<CostLineRow> lines = new ArrayList<>();
    private String coProposers;

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
            ProposalForm f = draft.form();
            title = f.title();
            description = f.description();
            categoryCode = f.categoryCode();
            address = f.address();
            latitude = f.latitude();
            longitude = f.longitude();
            f.costLines().forEach(l -> {
                CostLineRow row = new CostLineRow();
                row.setDescription(l.description());
                row.setQuantity(l.quantity());
                row.setUnitPrice(l.unitPrice());
                lines.add(row);
            });
            coProposers = String.join(", ", f.coProposerBins());
        }
        if (round != null) {
            List<Category> found = actions.attempt(null, () -> proposals.categories(round));
            categories = found == null ? List.of() : found;
        }
        if (lines.isEmpty()) {
            lines.add(newLine());
        }
    }

    public void addLine() {
        lines.add(newLine());
    }

    public void removeLine(CostLineRow row) {
        lines.remove(row);
        if (lines.isEmpty()) {
            lines.add(newLine());
        }
    }

    /** Saves the draft and goes on to the attachments step. */
    public String save() {
        ProposalForm form = new ProposalForm(title, description, categoryCode, address, latitude, longitude,
                lines.stream().filter(ProposalWizardBacking::filled).map(CostLineRow::toLine).toList(),
                coProposers == null ? List.of() : Arrays.stream(coProposers.split("[,;\\s]+")).toList());
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

    private static CostLineRow newLine() {
        CostLineRow row = new CostLineRow();
        row.setQuantity(1L);
        return row;
    }

    /** A line counts once it has a description or a price (the quantity starts at 1). */
    private static boolean filled(CostLineRow l) {
        return (l.getDescription() != null && !l.getDescription().isBlank()) || l.getUnitPrice() != null;
    }

    public long getTotal() {
        long total = 0;
        for (CostLineRow l : lines) {
            if (l.getQuantity() != null && l.getUnitPrice() != null && l.getQuantity() > 0 && l.getUnitPrice() > 0) {
                total += l.getQuantity() * l.getUnitPrice();
            }
        }
        return total;
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

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategoryCode() {
        return categoryCode;
    }

    public void setCategoryCode(String categoryCode) {
        this.categoryCode = categoryCode;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Double getLatitude() {
        return latitude;
    }

    public void setLatitude(Double latitude) {
        this.latitude = latitude;
    }

    public Double getLongitude() {
        return longitude;
    }

    public void setLongitude(Double longitude) {
        this.longitude = longitude;
    }

    public List<CostLineRow> getLines() {
        return lines;
    }

    public String getCoProposers() {
        return coProposers;
    }

    public void setCoProposers(String coProposers) {
        this.coProposers = coProposers;
    }
}
