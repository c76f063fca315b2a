package kz.qatysu.proposal.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kz.qatysu.proposal.application.ProposalForm;

/**
 * The proposal fields as a form edits them — title, description, category, address, coordinates, cost lines and
 * co-proposing organisations — shared by the citizen's wizard and the meeting's put-forward form. Only converts:
 * every rule is checked by the domain when the form reaches the service.
 */
public class ProposalFormModel implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Most cost lines a form offers (the domain allows up to this many). */
    public static final int MAX_COST_LINES = 100;

    private String title;
    private String description;
    private String categoryCode;
    private String address;
    private Double latitude;
    private Double longitude;
    private final List<CostLineRow> costLines = new ArrayList<>(List.of(newLine()));
    private String coProposers;

    /** An empty line, quantity 1. */
    private static CostLineRow newLine() {
        CostLineRow row = new CostLineRow();
        row.setQuantity(1L);
        return row;
    }

    /** Shows a stored proposal. */
    public void fill(ProposalForm f) {
        title = f.title();
        description = f.description();
        categoryCode = f.categoryCode();
        address = f.address();
        latitude = f.latitude();
        longitude = f.longitude();
        costLines.clear();
        f.costLines().forEach(l -> {
            CostLineRow row = new CostLineRow();
            row.setDescription(l.description());
            row.setQuantity(l.quantity());
            row.setUnitPrice(l.unitPrice());
            costLines.add(row);
        });
        if (costLines.isEmpty()) {
            costLines.add(newLine());
        }
        coProposers = String.join(", ", f.coProposerBins());
    }

    /** What was typed, for the service; lines with neither a description nor a price are left out. */
    public ProposalForm toForm() {
        return new ProposalForm(title, description, categoryCode, address, latitude, longitude,
                costLines.stream().filter(ProposalFormModel::filled).map(CostLineRow::toLine).toList(),
                coProposers == null ? List.of() : Arrays.stream(coProposers.split("[,;\\s]+")).toList());
    }

    private static boolean filled(CostLineRow l) {
        return (l.getDescription() != null && !l.getDescription().isBlank()) || l.getUnitPrice() != null;
    }

    public void addLine() {
        if (costLines.size() < MAX_COST_LINES) {
            costLines.add(newLine());
        }
    }

    public void removeLine(CostLineRow row) {
        costLines.remove(row);
        if (costLines.isEmpty()) {
            costLines.add(newLine());
        }
    }

    public boolean isCostLinesFull() {
        return costLines.size() >= MAX_COST_LINES;
    }

    /** The estimate as typed so far (positive lines only), for display. */
    public long getTotal() {
        long total = 0;
        for (CostLineRow l : costLines) {
            if (l.getQuantity() != null && l.getUnitPrice() != null && l.getQuantity() > 0 && l.getUnitPrice() > 0) {
                total += l.getQuantity() * l.getUnitPrice();
            }
        }
        return total;
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

    public List<CostLineRow> getCostLines() {
        return costLines;
    }

    public String getCoProposers() {
        return coProposers;
    }

    public void setCoProposers(String coProposers) {
        this.coProposers = coProposers;
    }
}
