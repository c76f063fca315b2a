package kz.qatysu.proposal.web;

import java.io.Serializable;
import kz.qatysu.proposal.application.ProposalForm;

/** One editable line of a cost estimate (the citizen's wizard, a meeting's put-forward form). */
public class CostLineRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String description;
    private Long quantity;
    private Long unitPrice;

    public ProposalForm.Line toLine() {
        return new ProposalForm.Line(description, quantity, unitPrice);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getQuantity() {
        return quantity;
    }

    public void setQuantity(Long quantity) {
        this.quantity = quantity;
    }

    public Long getUnitPrice() {
        return unitPrice;
    }

    public void setUnitPrice(Long unitPrice) {
        this.unitPrice = unitPrice;
    }
}
