package kz.qatysu.proposal.domain;

import kz.qatysu.platform.domain.DomainRuleViolation;

/** A proposal was asked to change to a status its lifecycle does not allow from where it is. */
public class IllegalProposalTransition extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    private final ProposalStatus from;
    private final ProposalStatus to;

    public IllegalProposalTransition(ProposalStatus from, ProposalStatus to) {
        super("proposal.error.illegal-transition", from.messageKey(), to.messageKey());
        this.from = from;
        this.to = to;
    }

    public ProposalStatus from() {
        return from;
    }

    public ProposalStatus to() {
        return to;
    }
}
