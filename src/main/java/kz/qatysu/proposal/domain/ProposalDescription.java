package kz.qatysu.proposal.domain;

import kz.qatysu.platform.text.CleanText;

/**
 * The description of a proposal: plain-text paragraphs, cleaned, 1..20,000 characters. Markup is kept as inert text
 * and escaped where it is shown.
 */
public record ProposalDescription(String value) {

    public static final int MAX_LENGTH = 20_000;

    public ProposalDescription {
        value = CleanText.required(value, MAX_LENGTH, true, "proposal.error.description");
    }

    @Override
    public String toString() {
        return value;
    }
}
