package kz.qatysu.round.domain;

import kz.qatysu.platform.domain.DomainRuleViolation;

/** A round was asked to go to a phase that is not the next one. */
public class IllegalPhaseChange extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    private final Phase from;
    private final Phase to;

    public IllegalPhaseChange(Phase from, Phase to) {
        super("round.error.phase-change", from.messageKey(), to.messageKey());
        this.from = from;
        this.to = to;
    }

    public Phase from() {
        return from;
    }

    public Phase to() {
        return to;
    }
}
