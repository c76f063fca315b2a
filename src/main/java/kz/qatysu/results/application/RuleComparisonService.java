package kz.qatysu.results.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.counting.application.CountedRound;
import kz.qatysu.counting.domain.RoundAllocation;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.results.domain.RuleComparison;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.domain.KatoCode;

/**
 * Greedy against the Method of Equal Shares on the counted ballots of a round, for the staff of its territory (and
 * analysts and admins everywhere). Only counted rounds: before the count the ballots are secret, and a comparison
 * during voting would be a running tally.
 */
@Stateless
@RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class RuleComparisonService {

    /** A counted round the caller may compare. */
    public record CountedRoundLine(long id, LocalizedText title, String territoryCode, String rule, int ballots) {
    }

    /** One project of the ballot: what each rule does with it. */
    public record ProjectLine(long proposalId, String title, LocalizedText category, long cost, long votes,
                              boolean greedy, boolean equalShares) {
        public boolean differs() {
            return greedy != equalShares;
        }
    }

    /** The comparison of one round, with the rule the round itself froze. */
    public record View(long roundId, LocalizedText title, String roundRule, RuleComparison.Result result,
                       List<ProjectLine> projects, Map<String, LocalizedText> categories) {
    }

    private static final java.time.Duration KEEP = java.time.Duration.ofHours(1);

    @Inject
    private kz.qatysu.platform.cache.FiguresCache figures;
    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @EJB
    private StaffService staff;
    @Inject
    private CountedRound counted;

    private final AllocationService engine = new AllocationService();

    /** Counted rounds within the caller's territorial scope, newest first. */
    @SuppressWarnings("unchecked")
    public List<CountedRoundLine> countedRounds() {
        StaffScope scope = staff.callerScope();
        List<Object[]> rows = em.createNativeQuery("select r.id, r.title_kk, r.title_ru, r.title_en, r.territory_code, "
                + "o.rule, o.ballots from budget_round r join round_outcome o on o.round_id = r.id "
                + "order by o.counted_at desc, r.id desc").setMaxResults(500).getResultList();
        return rows.stream()
                .filter(r -> scope.covers(KatoCode.of((String) r[4])))
                .map(r -> new CountedRoundLine(((Number) r[0]).longValue(),
                        new LocalizedText((String) r[1], (String) r[2], (String) r[3]), (String) r[4],
                        ((String) r[5]).strip(), ((Number) r[6]).intValue()))
                .toList();
    }

    /**
     * Allocates the round's counted ballots with both rules.
     *
     * @throws NotFound            for an unknown round
     * @throws DomainRuleViolation {@code results.comparison.not-counted} before the round is counted
     */
    public View compare(long roundId) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null) {
            throw new NotFound("round " + roundId);
        }
        staff.requireScope(round.territory());
        Number version = (Number) em.createNativeQuery("select max(version) from round_outcome where round_id = ?1")
                .setParameter(1, roundId).getSingleResult();
        if (version == null) {
            throw new DomainRuleViolation("results.comparison.not-counted");
        }
        // The counted ballots of an outcome never change: its comparison is computed once for all callers.
        return figures.get(java.util.Arrays.asList("comparison", roundId, version.intValue()), KEEP,
                () -> compare(round));
    }

    private View compare(BudgetRound round) {
        long roundId = round.getId();
        List<Proposal> onBallot = counted.onBallot(round);
        List<RoundAllocation.Option> options = CountedRound.options(onBallot);
        RuleComparison.Result result = RuleComparison.compare(engine, CountedRound.cumulative(round),
                round.totalBudget(), CountedRound.categoryBudgets(round), options, counted.ballots(roundId));

        Map<String, LocalizedText> categories = new HashMap<>();
        for (RoundCategory c : round.categories()) {
            categories.put(c.code(), new LocalizedText(c.nameKk(), c.nameRu(), c.nameEn() == null ? c.nameRu() : c.nameEn()));
        }
        Map<Long, Long> votes = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> tally = em.createNativeQuery("select proposal_id, ballots from round_tally where round_id = ?1")
                .setParameter(1, roundId).getResultList();
        tally.forEach(t -> votes.put(((Number) t[0]).longValue(), ((Number) t[1]).longValue()));
        Set<Long> greedy = new HashSet<>(result.greedy().funded());
        Set<Long> mes = new HashSet<>(result.equalShares().funded());
        List<ProjectLine> projects = onBallot.stream()
                .map(p -> new ProjectLine(p.getId(), p.title().value(), categories.get(p.categoryCode()),
                        p.assessedCost().orElseThrow(), votes.getOrDefault(p.getId(), 0L), greedy.contains(p.getId()),
                        mes.contains(p.getId())))
                .sorted(java.util.Comparator.comparing(ProjectLine::differs).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(ProjectLine::votes).reversed())
                        .thenComparingLong(ProjectLine::proposalId))
                .toList();
        return new View(roundId, new LocalizedText(round.title().kk(), round.title().ru(), round.title().en()),
                round.allocationRule().orElse(""), result, projects, categories);
    }
}
