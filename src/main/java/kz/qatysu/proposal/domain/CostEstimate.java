package kz.qatysu.proposal.domain;

import java.util.List;
import java.util.Objects;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * The proposer's cost estimate: line items and the total they declare, which must be exactly the sum of the lines.
 * Whether the total fits the round is checked by {@link Proposal} against the round's cap.
 */
public record CostEstimate(List<CostLine> lines, long total) {

    public static final int MAX_LINES = 100;

    public CostEstimate {
        Objects.requireNonNull(lines, "lines");
        if (lines.isEmpty()) {
            throw new DomainRuleViolation("proposal.error.cost-lines-empty");
        }
        if (lines.size() > MAX_LINES) {
            throw new DomainRuleViolation("proposal.error.cost-lines-count", MAX_LINES);
        }
        lines = List.copyOf(lines);
        long sum = 0;
        for (CostLine line : lines) {
            try {
                sum = Math.addExact(sum, line.amount());
            } catch (ArithmeticException e) {
                throw new DomainRuleViolation("proposal.error.cost-too-large");
            }
        }
        if (sum != total) {
            throw new DomainRuleViolation("proposal.error.cost-lines-sum");
        }
    }

    /** An estimate whose total is the sum of its lines. */
    public static CostEstimate of(List<CostLine> lines) {
        long sum = 0;
        for (CostLine line : lines) {
            try {
                sum = Math.addExact(sum, line.amount());
            } catch (ArithmeticException e) {
                throw new DomainRuleViolation("proposal.error.cost-too-large");
            }
        }
        return new CostEstimate(lines, sum);
    }
}
