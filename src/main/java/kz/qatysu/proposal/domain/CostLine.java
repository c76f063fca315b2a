package kz.qatysu.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.CleanText;

/** One line of a cost estimate: what, how many (whole units ≥ 1), at what unit price (whole tenge ≥ 1). */
@Embeddable
public class CostLine {

    public static final int MAX_DESCRIPTION_LENGTH = 300;

    @Column(name = "description", nullable = false, length = MAX_DESCRIPTION_LENGTH)
    private String description;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    @Column(name = "unit_price", nullable = false)
    private long unitPrice;

    protected CostLine() {
        // for JPA
    }

    public CostLine(String description, long quantity, long unitPrice) {
        this.description = CleanText.required(description, MAX_DESCRIPTION_LENGTH, false,
                "proposal.error.cost-line-description");
        if (quantity < 1) {
            throw new DomainRuleViolation("proposal.error.cost-line-quantity");
        }
        if (unitPrice < 1) {
            throw new DomainRuleViolation("proposal.error.cost-line-unit-price");
        }
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        amount();
    }

    /** Quantity times unit price. */
    public long amount() {
        try {
            return Math.multiplyExact(quantity, unitPrice);
        } catch (ArithmeticException e) {
            throw new DomainRuleViolation("proposal.error.cost-too-large");
        }
    }

    public String description() {
        return description;
    }

    public long quantity() {
        return quantity;
    }

    public long unitPrice() {
        return unitPrice;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostLine other && description.equals(other.description) && quantity == other.quantity
                && unitPrice == other.unitPrice;
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, quantity, unitPrice);
    }
}
