package kz.qatysu.allocation.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the selection and the per-project reasons while a rule runs, then builds the {@link Outcome}. */
final class OutcomeBuilder {

    private record Entry(ReasonCode reason, Map<String, String> figures) {
    }

    final Election election;
    private final String rule;
    private final Satisfaction supportMeasure;
    private final List<Integer> selected = new ArrayList<>();
    private final boolean[] isSelected;
    private final Map<Integer, Entry> entries = new HashMap<>();
    private Endowment endowment;
    private Comparison comparison;
    private final List<List<String>> unresolvedTies = new ArrayList<>();

    OutcomeBuilder(Election election, String rule, Satisfaction supportMeasure) {
        this.election = election;
        this.rule = rule;
        this.supportMeasure = supportMeasure;
        this.isSelected = new boolean[election.projectCount];
    }

    void fund(int project, ReasonCode reason, Map<String, String> figures) {
        if (isSelected[project]) {
            throw new IllegalStateException("project selected twice: " + election.ids[project]);
        }
        isSelected[project] = true;
        selected.add(project);
        entries.put(project, new Entry(reason, figures));
    }

    void reject(int project, ReasonCode reason, Map<String, String> figures) {
        if (isSelected[project]) {
            throw new IllegalStateException("a funded project cannot be rejected: " + election.ids[project]);
        }
        entries.put(project, new Entry(reason, figures));
    }

    boolean isSelected(int project) {
        return isSelected[project];
    }

    List<Integer> selected() {
        return selected;
    }

    long selectedScaledCost() {
        long total = 0;
        for (int p : selected) {
            total = Math.addExact(total, election.scaledCost[p]);
        }
        return total;
    }

    void endowment(Endowment value) {
        this.endowment = value;
    }

    void comparison(Comparison value) {
        this.comparison = value;
    }

    void unresolvedTie(List<Integer> projects) {
        unresolvedTies.add(projects.stream().map(p -> election.ids[p]).toList());
    }

    static Map<String, String> figures(Object... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            map.put((String) keyValues[i], value instanceof Rational r ? r.toExactString() : String.valueOf(value));
        }
        return map;
    }

    Outcome build() {
        List<ProjectExplanation> explanations = new ArrayList<>();
        Election.Utilities utilities = supportMeasure.needsPoints() && election.groupPoints == null
                ? null : election.utilities(supportMeasure);
        for (int p = 0; p < election.projectCount; p++) {
            Entry entry = entries.get(p);
            if (entry == null) {
                throw new IllegalStateException("no explanation for project " + election.ids[p]);
            }
            int step = isSelected[p] ? selected.indexOf(p) + 1 : 0;
            explanations.add(new ProjectExplanation(election.ids[p], election.cost[p].toExactString(),
                    election.approvals[p], totalSupport(utilities, p), entry.reason(), step, entry.figures()));
        }
        long cost = selectedScaledCost();
        return new Outcome(rule, selected.stream().map(p -> election.ids[p]).toList(), election.money(cost),
                election.instance.budget(), election.voters, endowment, comparison, unresolvedTies, explanations);
    }

    private String totalSupport(Election.Utilities utilities, int p) {
        if (utilities == null) {
            return Long.toString(election.approvals[p]);
        }
        BigInteger total = utilities.total()[p];
        long scale = switch (supportMeasure) {
            case COST -> election.moneyScale;
            case CARDINALITY -> 1;
            case POINTS -> election.pointScale;
            case POINTS_COST -> Math.multiplyExact(election.pointScale, election.moneyScale);
        };
        return Rational.of(total, BigInteger.valueOf(scale)).toExactString();
    }
}
