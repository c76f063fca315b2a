package kz.qatysu.proposal.domain;

import kz.qatysu.platform.text.CleanText;

/** The title of a proposal: one line of cleaned text, 1..200 characters. Markup is kept as inert text. */
public record ProposalTitle(String value) {

    public static final int MAX_LENGTH = 200;

    public ProposalTitle {
        value = CleanText.required(value, MAX_LENGTH, false, "proposal.error.title");
    }

    @Override
    public String toString() {
        return value;
    }
}
