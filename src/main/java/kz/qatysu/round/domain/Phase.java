package kz.qatysu.round.domain;

import java.util.Locale;

/** The phases of a budget round, in the only order a round goes through them. */
public enum Phase {
    DRAFTING,
    PROPOSAL_SUBMISSION,
    /** Optional: only in rounds with a support threshold. */
    SUPPORT_COLLECTION,
    MODERATION_AND_REVIEW,
    /** Rules are frozen and published when this phase opens. */
    VOTING,
    COUNTING,
    RESULTS_PUBLISHED,
    IMPLEMENTATION;

    /** The key of the phase's localised name, e.g. {@code round.phase.support-collection}. */
    public String messageKey() {
        return "round.phase." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isBefore(Phase other) {
        return compareTo(other) < 0;
    }
}
