package kz.qatysu.allocation.domain;

import java.util.Locale;
import java.util.Optional;

/** Ballot formats of the Pabulib {@code vote_type} key. */
public enum VoteType {
    APPROVAL("approval"),
    CHOOSE_1("choose-1"),
    ORDINAL("ordinal"),
    CUMULATIVE("cumulative"),
    SCORING("scoring");

    private final String pabulibName;

    VoteType(String pabulibName) {
        this.pabulibName = pabulibName;
    }

    public String pabulibName() {
        return pabulibName;
    }

    /** True for the formats whose ballots carry a {@code points} list. */
    public boolean hasPoints() {
        return this == CUMULATIVE || this == SCORING;
    }

    /** True for the formats that pabutools reads as approval ballots. */
    public boolean isApproval() {
        return this == APPROVAL || this == CHOOSE_1;
    }

    public static Optional<VoteType> fromPabulibName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (VoteType type : values()) {
            if (type.pabulibName.equals(wanted)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
