package kz.qatysu.round.application;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import kz.qatysu.round.domain.Phase;

/**
 * A round as operators see it: every field of the round form, the categories, the rules, the manifest as it would be
 * frozen now ({@code draftManifest}) and, once voting opened, the published one with its hash and time.
 *
 * @param phaseStarts local date-times in {@code zoneId}, drafting excluded
 * @param nextPhase   {@code null} in the last phase
 * @param ballot      {@code null} until a ballot rule is chosen
 * @param paperAfterOnline what happens to a paper ballot of a person who already voted online (REFUSE, FLAG)
 */
public record AdminRoundView(long id, String territoryCode, TerritoryName territory, String titleKk, String titleRu,
                             String titleEn, String descriptionKk, String descriptionRu, String descriptionEn,
                             long totalBudget, Long projectCostCap, int minimumAge, Integer supportThreshold,
                             String zoneId, Map<Phase, LocalDateTime> phaseStarts, Phase phase, Phase nextPhase,
                             List<RoundForm.Category> categories, RoundForm.Ballot ballot, String allocationRule,
                             String draftManifest, String frozenManifest, String frozenManifestSha256,
                             Instant rulesFrozenAt, String paperAfterOnline) implements Serializable {

    public AdminRoundView {
        phaseStarts = Map.copyOf(phaseStarts);
        categories = List.copyOf(categories);
    }

    public boolean rulesFrozen() {
        return rulesFrozenAt != null;
    }

    /** The phases this round goes through, in order (support collection only when it collects support). */
    public List<Phase> phases() {
        return java.util.Arrays.stream(Phase.values())
                .filter(p -> p != Phase.SUPPORT_COLLECTION || supportThreshold != null)
                .toList();
    }
}
