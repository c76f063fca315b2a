package kz.qatysu.proposal.application;

import java.io.Serializable;
import java.util.Locale;

/** A name in the three languages of the portal, e.g. of a territory or a round's category. */
public record LocalisedName(String kk, String ru, String en) implements Serializable {

    /** The name in the given language; English falls back to Russian, a missing name to the code it names. */
    public String in(Locale locale) {
        return switch (locale == null ? "" : locale.getLanguage()) {
            case "kk" -> kk;
            case "en" -> en != null ? en : ru;
            default -> ru;
        };
    }

    /** For a code with no name on record: the code itself in every language. */
    public static LocalisedName unnamed(String code) {
        return new LocalisedName(code, code, code);
    }
}
