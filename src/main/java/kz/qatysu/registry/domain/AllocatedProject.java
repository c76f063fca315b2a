package kz.qatysu.registry.domain;

import java.math.BigDecimal;

/**
 * One project of an allocation notice: the proposal, where it is, its budget classification code, its amount (the
 * allocated sum when funded, the requested cost otherwise), the votes it got and whether it is funded.
 */
public record AllocatedProject(long proposalId, String title, String territoryKato, String budgetClassification,
                               BigDecimal amount, long votes, boolean funded) {

    public AllocatedProject {
        if (proposalId <= 0) {
            throw new IllegalArgumentException("proposalId must be positive: " + proposalId);
        }
        NoticeFields.text(title, "title");
        NoticeFields.kato(territoryKato, "territoryKato");
        NoticeFields.text(budgetClassification, "budgetClassification");
        amount = NoticeFields.money(amount, "amount");
        if (votes < 0) {
            throw new IllegalArgumentException("votes must not be negative: " + votes);
        }
    }
}
