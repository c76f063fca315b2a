package kz.qatysu.voting.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.round.domain.BallotRule;

/**
 * What one voter chose: the projects approved (approval and knapsack ballots, one point each) or the points given to
 * each project (cumulative ballots). Kept in proposal-id order, so that equal choices are equal whatever order they
 * were clicked in — the receipt hashes this canonical form.
 */
public final class BallotChoice {

    private final SortedMap<Long, Integer> points;

    private BallotChoice(SortedMap<Long, Integer> points) {
        this.points = Collections.unmodifiableSortedMap(points);
    }

    /**
     * The projects approved, as sent (a list, so that a project named twice is noticed).
     *
     * @throws DomainRuleViolation {@code ballot.error.duplicate-pick}
     */
    public static BallotChoice approve(Collection<Long> proposalIds) {
        SortedMap<Long, Integer> points = new TreeMap<>();
        for (Long id : Objects.requireNonNull(proposalIds, "proposalIds")) {
            if (id == null) {
                throw new DomainRuleViolation("ballot.error.not-on-ballot");
            }
            if (points.put(id, 1) != null) {
                throw new DomainRuleViolation("ballot.error.duplicate-pick");
            }
        }
        return new BallotChoice(points);
    }

    /**
     * Points per project for a cumulative ballot; projects given 0 points are left out.
     *
     * @throws DomainRuleViolation {@code ballot.error.points-negative}
     */
    public static BallotChoice points(Map<Long, Integer> pointsByProposal) {
        SortedMap<Long, Integer> points = new TreeMap<>();
        for (Map.Entry<Long, Integer> e : Objects.requireNonNull(pointsByProposal, "pointsByProposal").entrySet()) {
            if (e.getKey() == null) {
                throw new DomainRuleViolation("ballot.error.not-on-ballot");
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new DomainRuleViolation("ballot.error.points-negative");
            }
            if (e.getValue() > 0) {
                points.put(e.getKey(), e.getValue());
            }
        }
        return new BallotChoice(points);
    }

    /**
     * Checks the choice against the round's frozen ballot rule and the projects on its ballot.
     *
     * @param budget the round's total budget (knapsack ballots must fit it)
     * @throws DomainRuleViolation {@code ballot.error.empty}, {@code ballot.error.not-on-ballot},
     *                             {@code ballot.error.too-few-picks}, {@code ballot.error.too-many-picks},
     *                             {@code ballot.error.over-budget}, {@code ballot.error.under-budget-share},
     *                             {@code ballot.error.points-per-project}, {@code ballot.error.points-total},
     *                             {@code ballot.error.points-on-approval}
     */
    public void requireValid(BallotRule rule, List<BallotOption> options, long budget) {
        Objects.requireNonNull(rule, "rule");
        if (points.isEmpty()) {
            throw new DomainRuleViolation("ballot.error.empty");
        }
        Map<Long, BallotOption> offered = options.stream()
                .collect(Collectors.toMap(BallotOption::proposalId, o -> o, (a, b) -> a, LinkedHashMap::new));
        for (Long id : points.keySet()) {
            if (!offered.containsKey(id)) {
                throw new DomainRuleViolation("ballot.error.not-on-ballot");
            }
        }
        switch (rule.kind()) {
            case APPROVAL -> {
                requireOnePointEach();
                if (points.size() < rule.minPicks()) {
                    throw new DomainRuleViolation("ballot.error.too-few-picks", rule.minPicks());
                }
                if (points.size() > rule.maxPicks()) {
                    throw new DomainRuleViolation("ballot.error.too-many-picks", rule.maxPicks());
                }
            }
            case KNAPSACK -> {
                requireOnePointEach();
                long total = 0;
                for (Long id : points.keySet()) {
                    total = Math.addExact(total, offered.get(id).assessedCost());
                }
                if (total > budget) {
                    throw new DomainRuleViolation("ballot.error.over-budget", total, budget);
                }
                Integer share = rule.minBudgetSharePercent();
                // total / budget < share / 100, in integers
                if (share != null && Math.multiplyExact(total, 100L) < Math.multiplyExact(budget, (long) share)) {
                    throw new DomainRuleViolation("ballot.error.under-budget-share", share);
                }
            }
            case CUMULATIVE -> {
                long total = 0;
                for (int given : points.values()) {
                    if (given > rule.maxPointsPerProject()) {
                        throw new DomainRuleViolation("ballot.error.points-per-project", rule.maxPointsPerProject());
                    }
                    total += given;
                }
                if (total > rule.points()) {
                    throw new DomainRuleViolation("ballot.error.points-total", rule.points());
                }
            }
        }
    }

    private void requireOnePointEach() {
        if (points.values().stream().anyMatch(p -> p != 1)) {
            throw new DomainRuleViolation("ballot.error.points-on-approval");
        }
    }

    /** Proposal id → points (1 for each approved project), in id order. */
    public SortedMap<Long, Integer> points() {
        return points;
    }

    /** The canonical text hashed into receipts: {@code id:points} pairs in id order, comma-separated. */
    public String canonical() {
        return points.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BallotChoice other && points.equals(other.points);
    }

    @Override
    public int hashCode() {
        return points.hashCode();
    }

    @Override
    public String toString() {
        return canonical();
    }
}
