package kz.qatysu.allocation.domain;

/**
 * Stable codes for why a project was or was not funded. The portal renders localised text from them; the numbers
 * behind a code are in {@link ProjectExplanation#figures()} (keys listed per code).
 */
public enum ReasonCode {
    /** Bought by the Method of Equal Shares. Figures: {@code maxPayment}, {@code supportersPayingMax}, {@code supportersPayingLess}. */
    FUNDED_BY_EQUAL_SHARES(true),
    /** Costs nothing and has support, so MES takes it before anything else (pabutools). */
    FUNDED_AT_ZERO_COST(true),
    /** Taken by a greedy rule in order of support. Figures: {@code remainingBudgetBefore}. */
    FUNDED_BY_GREEDY(true),
    /** Added by the utilitarian completion after MES. Figures: {@code remainingBudgetBefore}. */
    FUNDED_BY_COMPLETION(true),
    /** Bought by sequential Phragmén. Figures: {@code maxLoad} (load of each supporter after the purchase). */
    FUNDED_BY_PHRAGMEN(true),

    /** Nobody chose the project. */
    NO_SUPPORT(false),
    /** The satisfaction measure of the rule gives the project no value (e.g. a zero-cost project under cost utilities). */
    NO_SATISFACTION(false),
    /**
     * MES: the supporters' remaining money was less than the cost. Figures: {@code supporterFunds}, {@code shortfall},
     * {@code shortfallPerSupporter}.
     */
    INSUFFICIENT_SUPPORTER_FUNDS(false),
    /** Greedy or completion: the cost exceeded what was left of the budget. Figures: {@code remainingBudget}. */
    DID_NOT_FIT_REMAINING_BUDGET(false),
    /** The cost alone exceeds the whole budget. Figures: {@code budget}. */
    EXCEEDS_BUDGET(false),
    /**
     * Sequential Phragmén stopped because its next (best) project did not fit. Figures: {@code stoppedAt},
     * {@code remainingBudget}.
     */
    PHRAGMEN_STOPPED(false);

    private final boolean funded;

    ReasonCode(boolean funded) {
        this.funded = funded;
    }

    public boolean funded() {
        return funded;
    }
}
