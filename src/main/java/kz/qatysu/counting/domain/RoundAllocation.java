package kz.qatysu.counting.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Outcome;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.VoteType;

/**
 * Allocates a counted round with its frozen rule. A category with a budget of its own is allocated on its own, over
 * its projects and the parts of the ballots that name them; the rest of the budget goes to the projects of the other
 * categories the same way. Each part is one run of the engine; the round's outcome is the parts together.
 */
public final class RoundAllocation {

    /** The part of a round not covered by a category budget. */
    public static final String GENERAL = "";

    private RoundAllocation() {
    }

    /** A project on the ballot: proposal id, assessed cost in whole tenge, category code. */
    public record Option(long proposalId, long cost, String category) {
        public Option {
            Objects.requireNonNull(category, "category");
            if (cost < 0) {
                throw new IllegalArgumentException("cost < 0");
            }
        }
    }

    /** One counted ballot: the proposals it names and the points given to each (1 each on approval ballots). */
    public record CountedChoice(long[] proposalIds, int[] points) {
        public CountedChoice {
            if (proposalIds.length != points.length) {
                throw new IllegalArgumentException("one point count per proposal");
            }
        }
    }

    /** The allocation of one part: its category ({@link #GENERAL} for the rest), its budget and the engine's outcome. */
    public record Part(String category, long budget, Outcome outcome) {
    }

    /**
     * @param rule             the frozen allocation rule key
     * @param cumulative       whether ballots carry points (cumulative ballots); approval otherwise
     * @param totalBudget      the round's budget
     * @param categoryBudgets  the budgets of categories that have one, by category code
     * @param options          the projects on the ballot
     * @param ballots          the counted ballots
     * @return the parts, budgeted categories first in code order, then the general part (absent when category
     *         budgets take the whole budget)
     */
    public static List<Part> allocate(AllocationService engine, String rule, boolean cumulative, long totalBudget,
                                      Map<String, Long> categoryBudgets, List<Option> options,
                                      List<CountedChoice> ballots) {
        long reserved = categoryBudgets.values().stream().mapToLong(Long::longValue).sum();
        if (reserved > totalBudget) {
            throw new IllegalArgumentException("category budgets exceed the round's budget");
        }
        Map<String, Long> budgets = new LinkedHashMap<>();
        categoryBudgets.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> budgets.put(e.getKey(), e.getValue()));
        if (totalBudget - reserved > 0) {
            budgets.put(GENERAL, totalBudget - reserved);
        }
        VoteType type = cumulative ? VoteType.CUMULATIVE : VoteType.APPROVAL;
        List<Part> parts = new ArrayList<>();
        budgets.forEach((category, budget) -> {
            List<Option> inPart = options.stream()
                    .filter(o -> category.equals(GENERAL) ? !categoryBudgets.containsKey(o.category())
                            : category.equals(o.category()))
                    .toList();
            Set<Long> ids = inPart.stream().map(Option::proposalId).collect(Collectors.toSet());
            List<Project> projects = inPart.stream()
                    .map(o -> new Project(Long.toString(o.proposalId()), Rational.of(o.cost()))).toList();
            List<Ballot> partBallots = new ArrayList<>(ballots.size());
            for (CountedChoice choice : ballots) {
                List<String> named = new ArrayList<>();
                List<Rational> points = new ArrayList<>();
                for (int i = 0; i < choice.proposalIds().length; i++) {
                    if (ids.contains(choice.proposalIds()[i])) {
                        named.add(Long.toString(choice.proposalIds()[i]));
                        points.add(Rational.of(choice.points()[i]));
                    }
                }
                // Empty ballots count as voters of the part: they hold a share of its money under MES.
                partBallots.add(new Ballot(named, cumulative ? points : List.of(), null, null));
            }
            parts.add(new Part(category, budget, engine.allocate(rule, Rational.of(budget), type, projects, partBallots)));
        });
        return parts;
    }
}
