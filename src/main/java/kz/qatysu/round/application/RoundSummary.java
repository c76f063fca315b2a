package kz.qatysu.round.application;

import java.io.Serializable;
import kz.qatysu.round.domain.Phase;

/** A line of the operators' list of rounds. */
public record RoundSummary(long id, TerritoryName territory, String titleKk, String titleRu, String titleEn,
                           Phase phase, long totalBudget) implements Serializable {

    /** The title in a language; English falls back to Russian. */
    public String title(String language) {
        return switch (language == null ? "" : language) {
            case "kk" -> titleKk;
            case "en" -> titleEn != null ? titleEn : titleRu;
            default -> titleRu;
        };
    }
}
