package kz.qatysu.proposal.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a proposal. The table of legal transitions is here; {@link Proposal} adds who may make each one
 * and what it needs.
 */
public enum ProposalStatus {
    DRAFT,
    SUBMITTED,
    SUPPORT_COLLECTION,
    UNDER_MODERATION,
    RETURNED_FOR_CHANGES,
    ACCEPTED,
    REJECTED,
    MERGED,
    UNDER_REVIEW,
    FEASIBLE,
    INFEASIBLE,
    ON_BALLOT,
    FUNDED,
    NOT_FUNDED,
    WITHDRAWN;

    private static final Map<ProposalStatus, EnumSet<ProposalStatus>> NEXT = new EnumMap<>(ProposalStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(SUBMITTED, EnumSet.of(SUPPORT_COLLECTION, UNDER_MODERATION, WITHDRAWN));
        NEXT.put(SUPPORT_COLLECTION, EnumSet.of(UNDER_MODERATION, REJECTED, WITHDRAWN));
        NEXT.put(UNDER_MODERATION, EnumSet.of(RETURNED_FOR_CHANGES, ACCEPTED, REJECTED, MERGED, WITHDRAWN));
        NEXT.put(RETURNED_FOR_CHANGES, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(ACCEPTED, EnumSet.of(UNDER_REVIEW));
        NEXT.put(UNDER_REVIEW, EnumSet.of(FEASIBLE, INFEASIBLE));
        NEXT.put(FEASIBLE, EnumSet.of(ON_BALLOT));
        NEXT.put(ON_BALLOT, EnumSet.of(FUNDED, NOT_FUNDED));
        for (ProposalStatus s : values()) {
            NEXT.putIfAbsent(s, EnumSet.noneOf(ProposalStatus.class));
        }
    }

    /** Whether the lifecycle allows going from this status straight to {@code target}. */
    public boolean canMoveTo(ProposalStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** The statuses reachable in one step. */
    public Set<ProposalStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    /** No transition leaves this status. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Content may be edited by the proposer. */
    public boolean isEditable() {
        return this == DRAFT || this == RETURNED_FOR_CHANGES;
    }

    /** The stable lower-case code, e.g. {@code under-moderation}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The key of the localised name, e.g. {@code proposal.status.under-moderation}. */
    public String messageKey() {
        return "proposal.status." + code();
    }
}
