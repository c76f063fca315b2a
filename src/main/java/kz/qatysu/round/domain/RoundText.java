package kz.qatysu.round.domain;

import kz.qatysu.platform.text.CleanText;

/** A text of a round in Kazakh, Russian and (optionally) English, cleaned; Kazakh and Russian are required. */
public record RoundText(String kk, String ru, String en) {

    public static final int MAX_TITLE_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 20_000;

    /** A title: one line, at most 200 characters per language. */
    public static RoundText title(String kk, String ru, String en) {
        return new RoundText(
                CleanText.required(kk, MAX_TITLE_LENGTH, false, "round.error.title"),
                CleanText.required(ru, MAX_TITLE_LENGTH, false, "round.error.title"),
                CleanText.optional(en, MAX_TITLE_LENGTH, false, "round.error.title"));
    }

    /** A description: paragraphs, at most 20,000 characters per language. */
    public static RoundText description(String kk, String ru, String en) {
        return new RoundText(
                CleanText.required(kk, MAX_DESCRIPTION_LENGTH, true, "round.error.description"),
                CleanText.required(ru, MAX_DESCRIPTION_LENGTH, true, "round.error.description"),
                CleanText.optional(en, MAX_DESCRIPTION_LENGTH, true, "round.error.description"));
    }
}
