package kz.qatysu.proposal.domain;

import java.util.Locale;

/** Why moderation (or too little support) rejected a proposal. */
public enum RejectionReason {
    OUTSIDE_TERRITORY,
    OUTSIDE_COMPETENCE,
    NOT_PUBLIC_BENEFIT,
    EXCEEDS_BUDGET,
    UNLAWFUL_CONTENT,
    INCOMPLETE,
    INSUFFICIENT_SUPPORT,
    OTHER;

    /** e.g. {@code proposal.rejection.outside-competence} */
    public String messageKey() {
        return "proposal.rejection." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
