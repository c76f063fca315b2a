package kz.qatysu.proposal.domain;

import java.util.Objects;
import java.util.Set;
import kz.qatysu.platform.domain.DomainRuleViolation;

/** What a proposer writes: title, description, category code, location, cost estimate and co-proposers. */
public record ProposalContent(ProposalTitle title, ProposalDescription description, String categoryCode,
                              ProposalLocation location, CostEstimate cost, Set<Bin> coProposers) {

    public static final int MAX_CO_PROPOSERS = 10;

    public ProposalContent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cost, "cost");
        if (categoryCode == null || categoryCode.isBlank()) {
            throw new DomainRuleViolation("proposal.error.category-unknown");
        }
        coProposers = coProposers == null ? Set.of() : Set.copyOf(coProposers);
        if (coProposers.size() > MAX_CO_PROPOSERS) {
            throw new DomainRuleViolation("proposal.error.co-proposers-count", MAX_CO_PROPOSERS);
        }
    }
}
