package kz.qatysu.results.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.counting.domain.RoundAllocation;
import kz.qatysu.counting.domain.RoundAllocation.CountedChoice;
import kz.qatysu.counting.domain.RoundAllocation.Option;

/**
 * The evidence an akimat needs to choose a rule: the same counted ballots allocated by the greedy rule Kazakh cities
 * use today and by the Method of Equal Shares (with Add1 completion), side by side — what each funds, what only one of
 * them funds, the money per category, and how many voters see at least one project of their ballot funded.
 */
public final class RuleComparison {

    private RuleComparison() {
    }

    /**
     * What one rule does with the ballots.
     *
     * @param funded                   funded proposals in the order the rule chose them (parts in budget order)
     * @param moneyByCategory          money allocated per category code, in code order
     * @param votersWithAFundedProject counted ballots naming at least one funded project
     */
    public record Side(String rule, List<Long> funded, long totalCost, Map<String, Long> moneyByCategory,
                       long votersWithAFundedProject, long voters) {

        public Side {
            funded = List.copyOf(funded);
            moneyByCategory = java.util.Collections.unmodifiableMap(new TreeMap<>(moneyByCategory));
        }

        /** Share of voters with at least one funded project, in percent with one decimal. */
        public double satisfiedPercent() {
            return voters == 0 ? 0 : Math.round(1000.0 * votersWithAFundedProject / voters) / 10.0;
        }
    }

    /** Both sides and the projects that differ, in proposal id order. */
    public record Result(Side greedy, Side equalShares, List<Long> onlyGreedy, List<Long> onlyEqualShares,
                         List<Long> both) {
    }

    /** The greedy rule for the round's kind of ballot. */
    public static String greedyRule(boolean cumulative) {
        return cumulative ? "greedy_points" : "greedy_cost";
    }

    /** The Method of Equal Shares with Add1 completion for the round's kind of ballot. */
    public static String equalSharesRule(boolean cumulative) {
        return cumulative ? "mes_points_cost_add1" : "mes_cost_add1";
    }

    public static Result compare(AllocationService engine, boolean cumulative, long totalBudget,
                                 Map<String, Long> categoryBudgets, List<Option> options, List<CountedChoice> ballots) {
        Side greedy = side(engine, greedyRule(cumulative), cumulative, totalBudget, categoryBudgets, options, ballots);
        Side mes = side(engine, equalSharesRule(cumulative), cumulative, totalBudget, categoryBudgets, options, ballots);
        Set<Long> g = new HashSet<>(greedy.funded());
        Set<Long> m = new HashSet<>(mes.funded());
        List<Long> onlyGreedy = g.stream().filter(id -> !m.contains(id)).sorted().toList();
        List<Long> onlyMes = m.stream().filter(id -> !g.contains(id)).sorted().toList();
        List<Long> both = g.stream().filter(m::contains).sorted().toList();
        return new Result(greedy, mes, onlyGreedy, onlyMes, both);
    }

    static Side side(AllocationService engine, String rule, boolean cumulative, long totalBudget,
                     Map<String, Long> categoryBudgets, List<Option> options, List<CountedChoice> ballots) {
        List<RoundAllocation.Part> parts = RoundAllocation.allocate(engine, rule, cumulative, totalBudget,
                categoryBudgets, options, ballots);
        Map<Long, Option> byId = new HashMap<>();
        options.forEach(o -> byId.put(o.proposalId(), o));
        List<Long> funded = new ArrayList<>();
        parts.forEach(p -> p.outcome().selected().forEach(id -> funded.add(Long.parseLong(id))));
        Map<String, Long> money = new TreeMap<>();
        long total = 0;
        for (long id : funded) {
            Option o = byId.get(id);
            money.merge(o.category(), o.cost(), Long::sum);
            total += o.cost();
        }
        Set<Long> fundedSet = new HashSet<>(funded);
        long satisfied = 0;
        for (CountedChoice ballot : ballots) {
            for (long id : ballot.proposalIds()) {
                if (fundedSet.contains(id)) {
                    satisfied++;
                    break;
                }
            }
        }
        return new Side(rule, funded, total, money, satisfied, ballots.size());
    }
}
