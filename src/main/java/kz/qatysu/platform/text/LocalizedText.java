package kz.qatysu.platform.text;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A text in Kazakh, Russian and (optionally) English, for read models handed to pages: the page picks the language
 * with {@code #{text.in(localeBacking.language)}}. English falls back to Russian, as the classifier has no English
 * names for most units.
 */
public record LocalizedText(String kk, String ru, String en) implements Serializable {

    public LocalizedText {
        Objects.requireNonNull(kk, "kk");
        Objects.requireNonNull(ru, "ru");
    }

    /** The text in a language code ({@code kk}, {@code ru}, {@code en}); Russian for any other. */
    public String in(String language) {
        if ("kk".equals(language)) {
            return kk;
        }
        if ("en".equals(language) && en != null) {
            return en;
        }
        return ru;
    }

    /** The texts joined per language, e.g. a territory path {@code Алматы › Бостандық ауданы}. */
    public static LocalizedText join(String separator, List<LocalizedText> parts) {
        return new LocalizedText(
                parts.stream().map(LocalizedText::kk).collect(Collectors.joining(separator)),
                parts.stream().map(LocalizedText::ru).collect(Collectors.joining(separator)),
                parts.stream().map(p -> p.in("en")).collect(Collectors.joining(separator)));
    }
}
