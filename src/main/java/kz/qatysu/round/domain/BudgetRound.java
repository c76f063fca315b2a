package kz.qatysu.round.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import kz.qatysu.platform.persistence.InstantTimestampConverter;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kz.qatysu.allocation.domain.AllocationRules;
import kz.qatysu.allocation.domain.VoteType;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.territory.domain.KatoCode;

/**
 * One participatory-budgeting round of one territory (any KATO unit): texts, budget, categories, eligibility, phase
 * calendar, ballot rule and allocation rule. The rules are frozen into a {@link RulesManifest} when voting opens;
 * afterwards every rule change throws {@link RulesFrozen}. Titles and descriptions are not rules and stay editable.
 */
@Entity
@Table(name = "budget_round")
@NamedQuery(name = "BudgetRound.findByTerritory",
        query = "select r from BudgetRound r where r.territoryCode = :territoryCode order by r.createdAt desc")
@NamedQuery(name = "BudgetRound.findByPhase",
        query = "select r from BudgetRound r where r.phase = :phase order by r.id")
@NamedQuery(name = "BudgetRound.findNotFinished",
        query = "select r from BudgetRound r where r.phase <> kz.qatysu.round.domain.Phase.IMPLEMENTATION order by r.id")
@NamedQuery(name = "BudgetRound.findAll", query = "select r from BudgetRound r order by r.createdAt desc, r.id desc")
public class BudgetRound {

    public static final int DEFAULT_MINIMUM_AGE = 18;
    public static final int LOWEST_MINIMUM_AGE = 14;
    public static final int HIGHEST_MINIMUM_AGE = 100;
    public static final int MAX_CATEGORIES = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(name = "territory_code", length = 9, nullable = false, updatable = false)
    private String territoryCode;

    @Column(name = "title_kk", nullable = false, length = RoundText.MAX_TITLE_LENGTH)
    private String titleKk;

    @Column(name = "title_ru", nullable = false, length = RoundText.MAX_TITLE_LENGTH)
    private String titleRu;

    @Column(name = "title_en", length = RoundText.MAX_TITLE_LENGTH)
    private String titleEn;

    @Column(name = "description_kk", nullable = false)
    private String descriptionKk;

    @Column(name = "description_ru", nullable = false)
    private String descriptionRu;

    @Column(name = "description_en")
    private String descriptionEn;

    @Column(name = "total_budget", nullable = false)
    private long totalBudget;

    @Column(name = "project_cost_cap")
    private Long projectCostCap;

    @ElementCollection
    @CollectionTable(name = "budget_round_category", joinColumns = @JoinColumn(name = "round_id"))
    private List<RoundCategory> categories = new ArrayList<>();

    @Column(name = "minimum_age", nullable = false)
    private int minimumAge;

    @Column(name = "support_threshold")
    private Integer supportThreshold;

    @Column(name = "zone_id", nullable = false, length = 64)
    private String zoneId;

    @ElementCollection
    @CollectionTable(name = "budget_round_phase_start", joinColumns = @JoinColumn(name = "round_id"))
    @MapKeyColumn(name = "phase", length = 30)
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "starts_at", nullable = false)
    @Convert(converter = InstantTimestampConverter.class)
    private Map<Phase, Instant> phaseStarts = new EnumMap<>(Phase.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", nullable = false, length = 30)
    private Phase phase;

    @Embedded
    private BallotRule ballotRule;

    @Column(name = "allocation_rule", length = 80)
    private String allocationRule;

    @Enumerated(EnumType.STRING)
    @Column(name = "paper_after_online", nullable = false, length = 10)
    private PaperAfterOnline paperAfterOnline = PaperAfterOnline.REFUSE;

    @Column(name = "rules_manifest")
    private String rulesManifest;

    @Column(name = "rules_manifest_sha256", length = 64)
    private String rulesManifestSha256;

    @Column(name = "rules_frozen_at")
    private Instant rulesFrozenAt;

    @Column(name = "created_by", nullable = false, length = Actor.MAX_LENGTH, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Transient
    private List<PhaseChanged> pendingEvents = new ArrayList<>();

    protected BudgetRound() {
        // for JPA
    }

    /** A new round in drafting, with the default minimum age and no categories, cap, ballot or allocation rule. */
    public static BudgetRound draft(KatoCode territory, RoundText title, RoundText description, long totalBudget,
                                    PhaseCalendar calendar, Integer supportThreshold, Actor by, Instant now) {
        BudgetRound r = new BudgetRound();
        r.territoryCode = Objects.requireNonNull(territory, "territory").value();
        r.phase = Phase.DRAFTING;
        r.minimumAge = DEFAULT_MINIMUM_AGE;
        r.createdBy = Objects.requireNonNull(by, "by").stored();
        r.createdAt = Objects.requireNonNull(now, "now");
        r.describe(title, description);
        r.changeBudget(totalBudget, null);
        r.schedule(calendar, supportThreshold);
        return r;
    }

    // ---------------------------------------------------------------- texts (not rules)

    /** New titles and descriptions; allowed in every phase, as they are not part of the rules. */
    public void describe(RoundText title, RoundText description) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        RoundText t = RoundText.title(title.kk(), title.ru(), title.en());
        RoundText d = RoundText.description(description.kk(), description.ru(), description.en());
        titleKk = t.kk();
        titleRu = t.ru();
        titleEn = t.en();
        descriptionKk = d.kk();
        descriptionRu = d.ru();
        descriptionEn = d.en();
    }

    // ---------------------------------------------------------------- rules

    /**
     * The total budget and the optional per-project cost cap, in whole tenge.
     *
     * @throws RulesFrozen after voting opened
     */
    public void changeBudget(long total, Long projectCap) {
        requireRulesOpen();
        if (total <= 0) {
            throw new DomainRuleViolation("round.error.budget-positive");
        }
        if (projectCap != null && (projectCap <= 0 || projectCap > total)) {
            throw new DomainRuleViolation("round.error.cost-cap");
        }
        requireCategoryBudgetsFit(categories, total);
        this.totalBudget = total;
        this.projectCostCap = projectCap;
    }

    /**
     * Replaces the categories. Codes are unique; the category budgets together are at most the total budget.
     *
     * @throws RulesFrozen after voting opened
     */
    public void defineCategories(List<RoundCategory> newCategories) {
        requireRulesOpen();
        Objects.requireNonNull(newCategories, "categories");
        if (newCategories.size() > MAX_CATEGORIES) {
            throw new DomainRuleViolation("round.error.category-count", MAX_CATEGORIES);
        }
        Set<String> codes = new HashSet<>();
        for (RoundCategory c : newCategories) {
            if (!codes.add(Objects.requireNonNull(c, "category").code())) {
                throw new DomainRuleViolation("round.error.category-duplicate", c.code());
            }
        }
        requireCategoryBudgetsFit(newCategories, totalBudget);
        categories.clear();
        categories.addAll(newCategories);
    }

    private static void requireCategoryBudgetsFit(List<RoundCategory> categories, long total) {
        long sum = 0;
        for (RoundCategory c : categories) {
            if (c.budget() != null) {
                sum += c.budget();
                if (sum > total) {
                    throw new DomainRuleViolation("round.error.category-budgets-exceed-total");
                }
            }
        }
    }

    /**
     * The minimum age of voters on the last day of voting (default 18).
     *
     * @throws RulesFrozen after voting opened
     */
    public void changeMinimumAge(int years) {
        requireRulesOpen();
        if (years < LOWEST_MINIMUM_AGE || years > HIGHEST_MINIMUM_AGE) {
            throw new DomainRuleViolation("round.error.minimum-age", LOWEST_MINIMUM_AGE, HIGHEST_MINIMUM_AGE);
        }
        this.minimumAge = years;
    }

    /**
     * The phase calendar and the support threshold: a round collects support exactly when its calendar has a support
     * collection phase and it has a threshold (≥ 1 supporter). Whether a round collects support cannot change once
     * proposal submission is over.
     *
     * @throws RulesFrozen after voting opened
     */
    public void schedule(PhaseCalendar calendar, Integer threshold) {
        requireRulesOpen();
        Objects.requireNonNull(calendar, "calendar");
        if (calendar.collectsSupport() != (threshold != null)) {
            throw new DomainRuleViolation("round.error.support-threshold-calendar");
        }
        if (threshold != null && threshold < 1) {
            throw new DomainRuleViolation("round.error.support-threshold");
        }
        if (phase != null && phase.compareTo(Phase.PROPOSAL_SUBMISSION) > 0
                && collectsSupport() != calendar.collectsSupport()) {
            throw new DomainRuleViolation("round.error.support-change-too-late");
        }
        this.zoneId = calendar.zone().getId();
        this.phaseStarts.clear();
        this.phaseStarts.putAll(calendar.starts());
        this.supportThreshold = threshold;
    }

    /** @throws RulesFrozen after voting opened */
    public void chooseBallotRule(BallotRule rule) {
        requireRulesOpen();
        Objects.requireNonNull(rule, "rule");
        requireCompatible(rule, allocationRule);
        this.ballotRule = rule;
    }

    /**
     * The allocation rule, one of the keys of the allocation engine ({@code greedy_cost}, {@code mes_cost_add1} …).
     *
     * @throws RulesFrozen after voting opened
     */
    public void chooseAllocationRule(String ruleKey) {
        requireRulesOpen();
        if (ruleKey == null || !AllocationRules.keys().contains(ruleKey)) {
            throw new DomainRuleViolation("round.error.allocation-rule-unknown");
        }
        requireCompatible(ballotRule, ruleKey);
        this.allocationRule = ruleKey;
    }

    /**
     * The allocation rule must be defined for the ballots the round collects: approval and knapsack ballots are
     * approval sets, cumulative ballots carry points (e.g. {@code seq_phragmen} is approval-only, {@code greedy_points}
     * needs points).
     *
     * @throws DomainRuleViolation {@code round.error.rule-ballot-mismatch}
     */
    private static void requireCompatible(BallotRule ballot, String ruleKey) {
        if (ballot == null || ballot.kind() == null || ruleKey == null) {
            return;
        }
        VoteType type = ballot.kind() == BallotRule.Kind.CUMULATIVE ? VoteType.CUMULATIVE : VoteType.APPROVAL;
        if (!AllocationRules.appliesTo(ruleKey, type)) {
            throw new DomainRuleViolation("round.error.rule-ballot-mismatch", ruleKey);
        }
    }

    /**
     * What happens to a paper ballot of a person who already voted online (default {@link PaperAfterOnline#REFUSE}).
     *
     * @throws RulesFrozen after voting opened
     */
    public void choosePaperAfterOnline(PaperAfterOnline rule) {
        requireRulesOpen();
        this.paperAfterOnline = Objects.requireNonNull(rule, "rule");
    }

    private void requireRulesOpen() {
        if (rulesFrozenAt != null) {
            throw new RulesFrozen();
        }
    }

    // ---------------------------------------------------------------- phases

    /** The phase after the current one: support collection is skipped in rounds that do not collect support. */
    public Optional<Phase> nextPhase() {
        Phase[] all = Phase.values();
        for (int i = phase.ordinal() + 1; i < all.length; i++) {
            if (all[i] != Phase.SUPPORT_COLLECTION || collectsSupport()) {
                return Optional.of(all[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * Moves the round to the next phase (an admin action or the calendar). Opening voting freezes the rules.
     *
     * @throws IllegalPhaseChange when {@code target} is not the next phase
     * @throws DomainRuleViolation {@code round.error.rules-incomplete} when voting would open without a ballot rule
     *                             or allocation rule
     */
    public void advanceTo(Phase target, Instant now, Actor actor) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(actor, "actor");
        if (nextPhase().filter(target::equals).isEmpty()) {
            throw new IllegalPhaseChange(phase, target);
        }
        if (target == Phase.VOTING) {
            freezeRules(now);
        }
        Phase from = phase;
        phase = target;
        pendingEvents.add(new PhaseChanged(id, from, target, actor, now));
    }

    /** Advances phase by phase to where the calendar says the round is at {@code now}; returns the changes made. */
    public List<PhaseChanged> followCalendar(Instant now, Actor actor) {
        Phase due = calendar().phaseAt(now);
        List<PhaseChanged> changes = new ArrayList<>();
        while (phase.isBefore(due)) {
            Phase next = nextPhase().orElseThrow();
            advanceTo(next, now, actor);
            changes.add(pendingEvents.get(pendingEvents.size() - 1));
        }
        return changes;
    }

    private void freezeRules(Instant now) {
        if (ballotRule == null || ballotRule.kind() == null || allocationRule == null) {
            throw new DomainRuleViolation("round.error.rules-incomplete");
        }
        RulesManifest manifest = RulesManifest.of(manifestContent());
        rulesManifest = manifest.json();
        rulesManifestSha256 = manifest.sha256();
        rulesFrozenAt = now;
    }

    /** The rules as they stand, in the form they will be frozen; once frozen, the published manifest. */
    public RulesManifest manifest() {
        if (rulesManifest != null) {
            return new RulesManifest(rulesManifest, rulesManifestSha256);
        }
        return RulesManifest.of(manifestContent());
    }

    /** The published manifest, present once voting has opened. */
    public Optional<RulesManifest> frozenManifest() {
        return rulesManifest == null ? Optional.empty() : Optional.of(new RulesManifest(rulesManifest, rulesManifestSha256));
    }

    private Map<String, Object> manifestContent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("manifestVersion", RulesManifest.FORMAT_VERSION);
        m.put("territory", territoryCode);
        m.put("allocationRule", allocationRule);
        m.put("ballot", ballotRule == null || ballotRule.kind() == null ? null : ballotRule.toManifest());
        Map<String, Object> budget = new LinkedHashMap<>();
        budget.put("currency", "KZT");
        budget.put("total", totalBudget);
        budget.put("projectCostCap", projectCostCap);
        m.put("budget", budget);
        List<Map<String, Object>> cats = new ArrayList<>();
        categories.stream().sorted(Comparator.comparing(RoundCategory::code)).forEach(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("code", c.code());
            entry.put("budget", c.budget());
            cats.add(entry);
        });
        m.put("categories", cats);
        Map<String, Object> eligibility = new LinkedHashMap<>();
        eligibility.put("minimumAge", minimumAge);
        eligibility.put("ageOn", "last-day-of-voting");
        eligibility.put("residence", "territory-subtree");
        m.put("eligibility", eligibility);
        m.put("supportThreshold", supportThreshold);
        // Only when not the default, so that manifests of rounds set up before this rule existed read the same.
        if (paperAfterOnline() != PaperAfterOnline.REFUSE) {
            m.put("paperAfterOnline", paperAfterOnline().name());
        }
        Map<String, Object> starts = new LinkedHashMap<>();
        phaseStarts.forEach((p, at) -> starts.put(p.name().toLowerCase(Locale.ROOT), at.toString()));
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("zone", zoneId);
        cal.put("starts", starts);
        m.put("calendar", cal);
        return m;
    }

    // ---------------------------------------------------------------- eligibility

    /** Whether a person lives inside the round's territory (the unit itself or any unit below it). */
    public boolean isResident(KatoCode residence) {
        return residence != null && residence.isWithin(territory());
    }

    /** @throws DomainRuleViolation {@code round.error.not-resident} for a person living elsewhere */
    public void requireResident(KatoCode residence) {
        if (!isResident(residence)) {
            throw new DomainRuleViolation("round.error.not-resident");
        }
    }

    /** The last day of voting, in the calendar's zone: the day age is reckoned on. */
    public LocalDate lastDayOfVoting() {
        PhaseCalendar c = calendar();
        return c.votingEnds().minusNanos(1).atZone(c.zone()).toLocalDate();
    }

    /** Whether a person may vote: resident in the territory and of the minimum age on the last day of voting. */
    public boolean admitsVoter(LocalDate birthDate, KatoCode residence) {
        return isResident(residence) && birthDate != null
                && Period.between(birthDate, lastDayOfVoting()).getYears() >= minimumAge;
    }

    // ---------------------------------------------------------------- proposals

    /** Whether the round has a category with that code. */
    public boolean hasCategory(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }

    /**
     * The most a single project may cost: the cap when there is one, otherwise the category budget or total.
     */
    public long maximumProjectCost(String categoryCode) {
        long max = projectCostCap != null ? projectCostCap : totalBudget;
        for (RoundCategory c : categories) {
            if (c.code().equals(categoryCode) && c.budget() != null) {
                max = Math.min(max, c.budget());
            }
        }
        return max;
    }

    /**
     * Phase changes since the last call, oldest first, carrying the round's id as it is now (call after storing a
     * new round); the list is emptied.
     */
    public List<PhaseChanged> pullEvents() {
        List<PhaseChanged> events = pendingEvents.stream()
                .map(e -> new PhaseChanged(id, e.from(), e.to(), e.actor(), e.at()))
                .toList();
        pendingEvents.clear();
        return events;
    }

    // ---------------------------------------------------------------- reading

    public Long getId() {
        return id;
    }

    public KatoCode territory() {
        return KatoCode.of(territoryCode);
    }

    public RoundText title() {
        return new RoundText(titleKk, titleRu, titleEn);
    }

    public RoundText description() {
        return new RoundText(descriptionKk, descriptionRu, descriptionEn);
    }

    public long totalBudget() {
        return totalBudget;
    }

    public Optional<Long> projectCostCap() {
        return Optional.ofNullable(projectCostCap);
    }

    public List<RoundCategory> categories() {
        return categories.stream().sorted(Comparator.comparing(RoundCategory::code)).toList();
    }

    public int minimumAge() {
        return minimumAge;
    }

    public boolean collectsSupport() {
        return supportThreshold != null;
    }

    public Optional<Integer> supportThreshold() {
        return Optional.ofNullable(supportThreshold);
    }

    public PhaseCalendar calendar() {
        return PhaseCalendar.of(PhaseCalendar.zone(zoneId), phaseStarts);
    }

    public Phase phase() {
        return phase;
    }

    public Optional<BallotRule> ballotRule() {
        return ballotRule == null || ballotRule.kind() == null ? Optional.empty() : Optional.of(ballotRule);
    }

    public Optional<String> allocationRule() {
        return Optional.ofNullable(allocationRule);
    }

    public PaperAfterOnline paperAfterOnline() {
        return paperAfterOnline == null ? PaperAfterOnline.REFUSE : paperAfterOnline;
    }

    public boolean rulesFrozen() {
        return rulesFrozenAt != null;
    }

    public Optional<Instant> rulesFrozenAt() {
        return Optional.ofNullable(rulesFrozenAt);
    }

    public Actor createdBy() {
        return Actor.parse(createdBy);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
