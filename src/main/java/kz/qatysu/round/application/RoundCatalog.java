package kz.qatysu.round.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kz.qatysu.platform.json.PrettyJson;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RulesManifest;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;

/**
 * Public, read-only view of rounds and their proposals: the open-data face of the platform. Proposals appear while
 * they collect residents' support (they must be seen to be supported) and once a moderator has decided on them;
 * drafts, withdrawn proposals and those still waiting for moderation stay private.
 * The API reads the flat views ({@link RoundView}); the public pages read the localised ones ({@link RoundSummary},
 * {@link RoundDetail}), with dates in the round's own time zone.
 */
@Stateless
@PermitAll
public class RoundCatalog {

    /** Statuses shown to the public. */
    public static final Set<ProposalStatus> PUBLIC_STATUSES = Set.of(ProposalStatus.SUPPORT_COLLECTION,
            ProposalStatus.ACCEPTED, ProposalStatus.REJECTED,
            ProposalStatus.MERGED, ProposalStatus.UNDER_REVIEW, ProposalStatus.FEASIBLE, ProposalStatus.INFEASIBLE,
            ProposalStatus.ON_BALLOT, ProposalStatus.FUNDED, ProposalStatus.NOT_FUNDED);

    public record RoundTitle(String kk, String ru, String en) {
    }

    /** A round as published; {@code manifest} and {@code manifestSha256} once the rules are frozen. */
    public record RoundView(long id, String territory, RoundTitle title, String phase, long budget, Long projectCostCap,
                            String allocationRule, String manifest, String manifestSha256) {
    }

    public record RoundPage(List<RoundView> items, int page, int size, long total) {
    }

    /** A proposal as published: no author, no address details beyond the title. */
    public record ProposalView(long id, String title, String category, String status, Long assessedCost) {
    }

    public record ProposalPage(List<ProposalView> items, int page, int size, long total) {
    }

    /** A round in the public list: title, territory path and budget. */
    public record RoundSummary(long id, LocalizedText title, String territoryCode, LocalizedText territory, Phase phase,
                               long budget) {
    }

    /** A category of a round with its own budget, if any. */
    public record CategoryView(String code, LocalizedText name, Long budget) {
    }

    /** One phase of a round's calendar: its start in the round's zone (none for drafting). */
    public record PhaseStep(Phase phase, LocalDateTime start, boolean current, boolean past) {
    }

    /**
     * The rules of a round: once frozen, the published manifest (indented for reading), its SHA-256 and when it was
     * frozen; before that, the rules chosen so far as a draft manifest without a hash.
     *
     * @param allocationLabelKey message key naming the family of the allocation rule
     */
    public record RulesView(boolean frozen, LocalDateTime frozenAt, String sha256, String manifest,
                            BallotRule.Kind ballotKind, Integer minPicks, Integer maxPicks,
                            Integer minBudgetSharePercent, Integer points, Integer maxPointsPerProject,
                            String allocationRule, String allocationLabelKey) {
    }

    /** A round as its public page shows it. */
    public record RoundDetail(long id, LocalizedText title, LocalizedText description, String territoryCode,
                              LocalizedText territory, Phase phase, long budget, Long projectCostCap, int minimumAge,
                              Integer supportThreshold, String zone, List<CategoryView> categories,
                              List<PhaseStep> timeline, RulesView rules) {
    }

    /** A choice in a filter of the proposal list; {@code depth} indents territories under their parents. */
    public record Option(String value, LocalizedText label, int depth) implements Serializable {
    }

    /** The most rounds a page lists. */
    public static final int LIST_LIMIT = 500;

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private TerritoryRepository territories;

    public RoundPage rounds(int page, int size) {
        List<RoundView> items = em.createNamedQuery("BudgetRound.findAll", BudgetRound.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(RoundCatalog::view).toList();
        long total = em.createQuery("select count(r) from BudgetRound r", Long.class).getSingleResult();
        return new RoundPage(items, page, size, total);
    }

    public Optional<RoundView> round(long id) {
        return Optional.ofNullable(em.find(BudgetRound.class, id)).map(RoundCatalog::view);
    }

    /** The public proposals of a round in id order; empty when the round does not exist. */
    public Optional<ProposalPage> proposals(long roundId, int page, int size) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null) {
            return Optional.empty();
        }
        List<ProposalView> items = em.createQuery("select p from Proposal p where p.round = :round"
                        + " and p.status in :statuses order by p.id", Proposal.class)
                .setParameter("round", round).setParameter("statuses", PUBLIC_STATUSES)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(RoundCatalog::view).toList();
        long total = em.createQuery("select count(p) from Proposal p where p.round = :round and p.status in :statuses",
                        Long.class)
                .setParameter("round", round).setParameter("statuses", PUBLIC_STATUSES).getSingleResult();
        return Optional.of(new ProposalPage(items, page, size, total));
    }

    /** Rounds for the public list, newest first (at most {@value #LIST_LIMIT}). */
    public List<RoundSummary> roundList() {
        Map<String, LocalizedText> paths = new TreeMap<>();
        return em.createNamedQuery("BudgetRound.findAll", BudgetRound.class).setMaxResults(LIST_LIMIT).getResultList()
                .stream()
                .map(r -> new RoundSummary(r.getId(), text(r.title().kk(), r.title().ru(), r.title().en()),
                        r.territory().value(), paths.computeIfAbsent(r.territory().value(), c -> territoryPath(r.territory())),
                        r.phase(), r.totalBudget()))
                .toList();
    }

    /** A round for its public page. */
    public Optional<RoundDetail> roundDetail(long id) {
        BudgetRound r = em.find(BudgetRound.class, id);
        if (r == null) {
            return Optional.empty();
        }
        PhaseCalendar calendar = r.calendar();
        ZoneId zone = calendar.zone();
        List<PhaseStep> timeline = new ArrayList<>();
        if (r.phase() == Phase.DRAFTING) {
            timeline.add(new PhaseStep(Phase.DRAFTING, null, true, false));
        }
        calendar.starts().forEach((phase, start) -> timeline.add(new PhaseStep(phase, local(start, zone),
                phase == r.phase(), phase.isBefore(r.phase()))));
        List<CategoryView> categories = r.categories().stream().map(RoundCatalog::category).toList();
        return Optional.of(new RoundDetail(r.getId(), text(r.title().kk(), r.title().ru(), r.title().en()),
                text(r.description().kk(), r.description().ru(), r.description().en()), r.territory().value(),
                territoryPath(r.territory()), r.phase(), r.totalBudget(), r.projectCostCap().orElse(null),
                r.minimumAge(), r.supportThreshold().orElse(null), zone.getId(), categories, timeline,
                rules(r, zone)));
    }

    /** The territories that have rounds, each under its ancestors, in code order. */
    public List<Option> territoryOptions() {
        Map<String, Option> options = new TreeMap<>();
        List<String> codes = em.createQuery("select distinct r.territoryCode from BudgetRound r", String.class)
                .getResultList();
        for (String code : codes) {
            List<Territory> path = territories.path(KatoCode.of(code));
            for (int depth = 0; depth < path.size(); depth++) {
                Territory t = path.get(depth);
                options.putIfAbsent(t.getCode(), new Option(t.getCode(), name(t), depth));
            }
        }
        return List.copyOf(options.values());
    }

    /** The rounds as filter choices, newest first. */
    public List<Option> roundOptions() {
        return em.createNamedQuery("BudgetRound.findAll", BudgetRound.class).setMaxResults(LIST_LIMIT).getResultList()
                .stream()
                .map(r -> new Option(r.getId().toString(), text(r.title().kk(), r.title().ru(), r.title().en()), 0))
                .toList();
    }

    /** The categories of one round, or of all rounds by code (a code's names from its newest round). */
    public List<Option> categoryOptions(Long roundId) {
        List<BudgetRound> rounds;
        if (roundId != null) {
            BudgetRound round = em.find(BudgetRound.class, roundId);
            rounds = round == null ? List.of() : List.of(round);
        } else {
            rounds = em.createNamedQuery("BudgetRound.findAll", BudgetRound.class).setMaxResults(LIST_LIMIT)
                    .getResultList();
        }
        Map<String, Option> options = new LinkedHashMap<>();
        for (BudgetRound r : rounds) {
            for (RoundCategory c : r.categories()) {
                options.putIfAbsent(c.code(), new Option(c.code(), category(c).name(), 0));
            }
        }
        return List.copyOf(options.values());
    }

    /** A territory's path from the top level down, e.g. {@code Алматы › Бостандық ауданы}; the code if unknown. */
    public LocalizedText territoryPath(KatoCode code) {
        List<LocalizedText> names = territories.path(code).stream().map(RoundCatalog::name).toList();
        return names.isEmpty() ? text(code.value(), code.value(), code.value()) : LocalizedText.join(" › ", names);
    }

    private static RulesView rules(BudgetRound r, ZoneId zone) {
        Optional<RulesManifest> frozen = r.frozenManifest();
        RulesManifest manifest = frozen.orElseGet(r::manifest);
        Optional<BallotRule> ballot = r.ballotRule();
        String allocation = r.allocationRule().orElse(null);
        return new RulesView(frozen.isPresent(), r.rulesFrozenAt().map(at -> local(at, zone)).orElse(null),
                frozen.map(RulesManifest::sha256).orElse(null), PrettyJson.of(manifest.json()),
                ballot.map(BallotRule::kind).orElse(null), ballot.map(BallotRule::minPicks).orElse(null),
                ballot.map(BallotRule::maxPicks).orElse(null),
                ballot.map(BallotRule::minBudgetSharePercent).orElse(null), ballot.map(BallotRule::points).orElse(null),
                ballot.map(BallotRule::maxPointsPerProject).orElse(null), allocation, allocationLabelKey(allocation));
    }

    /** The message key of an allocation rule's family: greedy, Method of Equal Shares, sequential Phragmén. */
    static String allocationLabelKey(String ruleKey) {
        if (ruleKey == null) {
            return "round.rules.not-chosen";
        }
        if (ruleKey.startsWith("greedy_")) {
            return "round.allocation.greedy";
        }
        if (ruleKey.startsWith("mes_") || ruleKey.startsWith("equalshares_")) {
            return "round.allocation.mes";
        }
        if (ruleKey.startsWith("seq_phragmen")) {
            return "round.allocation.phragmen";
        }
        return "round.allocation.other";
    }

    private static CategoryView category(RoundCategory c) {
        return new CategoryView(c.code(), text(c.nameKk(), c.nameRu(), c.nameEn()), c.budget());
    }

    private static LocalizedText name(Territory t) {
        return text(t.nameKk(), t.nameRu(), t.nameEn());
    }

    private static LocalizedText text(String kk, String ru, String en) {
        return new LocalizedText(kk, ru, en);
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private static RoundView view(BudgetRound r) {
        Optional<RulesManifest> manifest = r.frozenManifest();
        return new RoundView(r.getId(), r.territory().value(),
                new RoundTitle(r.title().kk(), r.title().ru(), r.title().en()),
                r.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.totalBudget(),
                r.projectCostCap().orElse(null), r.allocationRule().orElse(null),
                manifest.map(RulesManifest::json).orElse(null), manifest.map(RulesManifest::sha256).orElse(null));
    }

    private static ProposalView view(Proposal p) {
        return new ProposalView(p.getId(), p.title().value(), p.categoryCode(),
                p.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), p.assessedCost().orElse(null));
    }
}
