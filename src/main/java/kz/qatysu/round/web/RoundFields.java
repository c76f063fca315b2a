package kz.qatysu.round.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.qatysu.round.application.AdminRoundView;
import kz.qatysu.round.application.RoundForm;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;

/** The fields of a round as its form edits them (new round and round page); the service checks them. */
public class RoundFields implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Time zones of Kazakhstan's regions; Asia/Almaty is the default. */
    public static final List<String> ZONES = List.of("Asia/Almaty", "Asia/Qostanay", "Asia/Qyzylorda", "Asia/Aqtobe",
            "Asia/Aqtau", "Asia/Atyrau", "Asia/Oral");

    /** Where a refusal of the service is shown, by message key prefix; the rest are global messages. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("round.error.territory", "territoryCode"),
            Map.entry("round.error.title", "titleKk"),
            Map.entry("round.error.description", "descriptionKk"),
            Map.entry("round.error.budget", "totalBudget"),
            Map.entry("round.error.category-budgets-exceed-total", "totalBudget"),
            Map.entry("round.error.cost-cap", "projectCostCap"),
            Map.entry("round.error.minimum-age", "minimumAge"),
            Map.entry("round.error.support", "supportThreshold"),
            Map.entry("round.error.calendar", "calendar"));

    /** One phase start of the calendar. */
    public static class PhaseStart implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Phase phase;
        private LocalDateTime at;

        PhaseStart(Phase phase, LocalDateTime at) {
            this.phase = phase;
            this.at = at;
        }

        public Phase getPhase() {
            return phase;
        }

        /** Only support collection may be left empty. */
        public boolean isOptional() {
            return phase == Phase.SUPPORT_COLLECTION;
        }

        public LocalDateTime getAt() {
            return at;
        }

        public void setAt(LocalDateTime at) {
            this.at = at;
        }
    }

    private String territoryCode;
    private String titleKk;
    private String titleRu;
    private String titleEn;
    private String descriptionKk;
    private String descriptionRu;
    private String descriptionEn;
    private Long totalBudget;
    private Long projectCostCap;
    private Integer minimumAge = BudgetRound.DEFAULT_MINIMUM_AGE;
    private Integer supportThreshold;
    private String zoneId = ZONES.getFirst();
    private final List<PhaseStart> starts = new ArrayList<>();

    private RoundFields() {
    }

    /**
     * An empty form with a proposed calendar: submission from the first day of next month, then a month each for
     * moderation and voting, results ten days after counting, implementation a month after counting.
     */
    public static RoundFields proposed(LocalDate today) {
        RoundFields f = new RoundFields();
        LocalDateTime submission = today.withDayOfMonth(1).plusMonths(1).atStartOfDay();
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, submission);
        starts.put(Phase.MODERATION_AND_REVIEW, submission.plusMonths(1));
        starts.put(Phase.VOTING, submission.plusMonths(2));
        starts.put(Phase.COUNTING, submission.plusMonths(3));
        starts.put(Phase.RESULTS_PUBLISHED, submission.plusMonths(3).plusDays(10));
        starts.put(Phase.IMPLEMENTATION, submission.plusMonths(4));
        f.fillStarts(starts);
        return f;
    }

    /** The form of an existing round. */
    public static RoundFields of(AdminRoundView r) {
        RoundFields f = new RoundFields();
        f.territoryCode = r.territoryCode();
        f.titleKk = r.titleKk();
        f.titleRu = r.titleRu();
        f.titleEn = r.titleEn();
        f.descriptionKk = r.descriptionKk();
        f.descriptionRu = r.descriptionRu();
        f.descriptionEn = r.descriptionEn();
        f.totalBudget = r.totalBudget();
        f.projectCostCap = r.projectCostCap();
        f.minimumAge = r.minimumAge();
        f.supportThreshold = r.supportThreshold();
        f.zoneId = r.zoneId();
        f.fillStarts(r.phaseStarts());
        return f;
    }

    private void fillStarts(Map<Phase, LocalDateTime> given) {
        for (Phase phase : Phase.values()) {
            if (phase != Phase.DRAFTING) {
                starts.add(new PhaseStart(phase, given.get(phase)));
            }
        }
    }

    /** What the service receives; empty phase starts are left out (the calendar says which are missing). */
    public RoundForm toForm() {
        Map<Phase, LocalDateTime> phaseStarts = new EnumMap<>(Phase.class);
        for (PhaseStart s : starts) {
            if (s.at != null) {
                phaseStarts.put(s.phase, s.at);
            }
        }
        return new RoundForm(territoryCode, titleKk, titleRu, titleEn, descriptionKk, descriptionRu, descriptionEn,
                totalBudget, projectCostCap, minimumAge, supportThreshold, zoneId, phaseStarts);
    }

    /** The client id of the field of form {@code formId} a refusal belongs to, {@code null} for a global message. */
    public static Function<String, String> fieldsOf(String formId) {
        return key -> fieldOf(formId, key, FIELDS);
    }

    /** The field for the longest prefix of {@code key} in {@code fields}. */
    static String fieldOf(String formId, String key, Map<String, String> fields) {
        String best = null;
        String field = null;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (key.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
                best = e.getKey();
                field = e.getValue();
            }
        }
        return field == null ? null : formId + ":" + field;
    }

    /** The zones to choose from: Kazakhstan's, and the round's own if it is another. */
    public List<String> getZones() {
        if (zoneId == null || ZONES.contains(zoneId)) {
            return ZONES;
        }
        List<String> zones = new ArrayList<>(ZONES);
        zones.add(zoneId);
        return zones;
    }

    public List<PhaseStart> getStarts() {
        return starts;
    }

    public String getTerritoryCode() {
        return territoryCode;
    }

    public void setTerritoryCode(String territoryCode) {
        this.territoryCode = territoryCode;
    }

    public String getTitleKk() {
        return titleKk;
    }

    public void setTitleKk(String titleKk) {
        this.titleKk = titleKk;
    }

    public String getTitleRu() {
        return titleRu;
    }

    public void setTitleRu(String titleRu) {
        this.titleRu = titleRu;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getDescriptionKk() {
        return descriptionKk;
    }

    public void setDescriptionKk(String descriptionKk) {
        this.descriptionKk = descriptionKk;
    }

    public String getDescriptionRu() {
        return descriptionRu;
    }

    public void setDescriptionRu(String descriptionRu) {
        this.descriptionRu = descriptionRu;
    }

    public String getDescriptionEn() {
        return descriptionEn;
    }

    public void setDescriptionEn(String descriptionEn) {
        this.descriptionEn = descriptionEn;
    }

    public Long getTotalBudget() {
        return totalBudget;
    }

    public void setTotalBudget(Long totalBudget) {
        this.totalBudget = totalBudget;
    }

    public Long getProjectCostCap() {
        return projectCostCap;
    }

    public void setProjectCostCap(Long projectCostCap) {
        this.projectCostCap = projectCostCap;
    }

    public Integer getMinimumAge() {
        return minimumAge;
    }

    public void setMinimumAge(Integer minimumAge) {
        this.minimumAge = minimumAge;
    }

    public Integer getSupportThreshold() {
        return supportThreshold;
    }

    public void setSupportThreshold(Integer supportThreshold) {
        this.supportThreshold = supportThreshold;
    }

    public String getZoneId() {
        return zoneId;
    }

    public void setZoneId(String zoneId) {
        this.zoneId = zoneId;
    }
}
