package kz.qatysu.proposal.domain;

import java.util.Locale;

/** Why the expert council found a proposal infeasible. */
public enum InfeasibilityReason {
    TECHNICAL,
    LEGAL,
    LAND_NOT_AVAILABLE,
    COST_EXCEEDS_CAP,
    ALREADY_PLANNED,
    MAINTENANCE_NOT_POSSIBLE,
    OTHER;

    /** e.g. {@code proposal.infeasibility.land-not-available} */
    public String messageKey() {
        return "proposal.infeasibility." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
