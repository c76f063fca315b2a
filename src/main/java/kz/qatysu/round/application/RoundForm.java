package kz.qatysu.round.application;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kz.qatysu.round.domain.Phase;

/** What an operator enters for a round, as received; the round entity checks it. */
public record RoundForm(String territoryCode, String titleKk, String titleRu, String titleEn, String descriptionKk,
                        String descriptionRu, String descriptionEn, Long totalBudget, Long projectCostCap,
                        Integer minimumAge, Integer supportThreshold, String zoneId,
                        Map<Phase, LocalDateTime> phaseStarts) implements Serializable {

    /** A project category with an optional budget of its own. */
    public record Category(String code, String nameKk, String nameRu, String nameEn, Long budget) implements Serializable {
    }

    /** The ballot rule: approval (min/max picks), knapsack (optional minimum budget share) or cumulative. */
    public record Ballot(String kind, Integer minPicks, Integer maxPicks, Integer minBudgetSharePercent, Integer points,
                         Integer maxPointsPerProject) implements Serializable {
    }

    public RoundForm {
        phaseStarts = phaseStarts == null ? Map.of() : Map.copyOf(phaseStarts);
    }

    public static List<Category> noCategories() {
        return List.of();
    }
}
