package kz.qatysu.allocation.domain;

import java.util.List;
import java.util.Objects;

/**
 * The result of allocating a budget with one rule.
 *
 * @param rule            the rule key
 * @param selected        ids of the funded projects in selection order
 * @param totalCost       exact total cost of the funded projects
 * @param budget          the budget limit
 * @param voters          number of ballots (empty ones included)
 * @param endowment       for Add1-style rules, the endowment search; otherwise null
 * @param comparison      for rules with a comparison step, its result; otherwise null
 * @param unresolvedTies  ties that even the rule's tie-breaking could not resolve and were broken by smallest id
 *                        (equalshares.net rules only; officials would draw lots)
 * @param explanations    one explanation per project, in the instance's project order
 */
public record Outcome(String rule, List<String> selected, Rational totalCost, Rational budget, long voters,
                      Endowment endowment, Comparison comparison, List<List<String>> unresolvedTies,
                      List<ProjectExplanation> explanations) {

    public Outcome {
        Objects.requireNonNull(rule, "rule");
        selected = List.copyOf(selected);
        Objects.requireNonNull(totalCost, "totalCost");
        Objects.requireNonNull(budget, "budget");
        unresolvedTies = unresolvedTies.stream().map(List::copyOf).toList();
        explanations = List.copyOf(explanations);
        if (totalCost.compareTo(budget) > 0) {
            throw new IllegalArgumentException("outcome costs " + totalCost + ", more than the budget " + budget);
        }
    }

    public ProjectExplanation explanationOf(String projectId) {
        return explanations.stream().filter(e -> e.projectId().equals(projectId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no project " + projectId));
    }
}
