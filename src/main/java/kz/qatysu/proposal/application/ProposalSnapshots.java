package kz.qatysu.proposal.application;

import java.util.LinkedHashMap;
import java.util.Map;
import kz.qatysu.proposal.domain.Proposal;

/** The state of a proposal as the audit log records it before and after an action. */
final class ProposalSnapshots {

    private ProposalSnapshots() {
    }

    static Map<String, Object> of(Proposal p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", p.round().getId());
        m.put("territory", p.territory().value());
        m.put("status", p.status().name());
        m.put("title", p.title().value());
        m.put("category", p.categoryCode());
        m.put("estimatedCost", p.estimatedCost());
        m.put("assessedCost", p.assessedCost().orElse(null));
        m.put("rejectionReason", p.rejectionReason().map(Enum::name).orElse(null));
        m.put("infeasibilityReason", p.infeasibilityReason().map(Enum::name).orElse(null));
        m.put("mergedInto", p.mergedInto().map(Proposal::getId).orElse(null));
        m.put("lastComment", p.history().isEmpty() ? null
                : p.history().get(p.history().size() - 1).comment().orElse(null));
        return m;
    }
}
