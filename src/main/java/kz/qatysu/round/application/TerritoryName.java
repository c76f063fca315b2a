package kz.qatysu.round.application;

import java.io.Serializable;

/** The names of a round's territory, for pages; {@code en} falls back to Russian where the classifier has none. */
public record TerritoryName(String code, String kk, String ru, String en) implements Serializable {

    /** The name in a language ({@code kk}, {@code ru}, {@code en}); the code when the unit is no longer known. */
    public String in(String language) {
        String name = switch (language == null ? "" : language) {
            case "kk" -> kk;
            case "en" -> en != null ? en : ru;
            default -> ru;
        };
        return name == null ? code : name;
    }
}
