package kz.qatysu.round.domain;

import kz.qatysu.platform.domain.DomainRuleViolation;

/** The rules of a round were frozen when voting opened: changing them needs a new round. */
public class RulesFrozen extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    public RulesFrozen() {
        super("round.error.rules-frozen");
    }
}
