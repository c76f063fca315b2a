package kz.qatysu.allocation.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Deliberately naive implementations of the rules, one voter at a time with no merging, no laziness and plain
 * {@link Rational}s, written straight from the definitions; the tests compare the engine with them.
 */
final class ReferenceRules {

    private ReferenceRules() {
    }

    static Rational utility(Instance instance, Ballot ballot, Project project, Satisfaction satisfaction) {
        int position = ballot.projectIds().indexOf(project.id());
        if (position < 0) {
            return Rational.ZERO;
        }
        return switch (satisfaction) {
            case COST -> project.cost();
            case CARDINALITY -> Rational.ONE;
            case POINTS -> ballot.points().get(position);
            case POINTS_COST -> ballot.points().get(position).multiply(project.cost());
        };
    }

    static Rational totalCost(List<Project> projects) {
        return projects.stream().map(Project::cost).reduce(Rational.ZERO, Rational::add);
    }

    /** Greedy by total satisfaction per cost, ties by id, skipping what does not fit. */
    static List<String> greedy(Instance instance, Satisfaction satisfaction, List<String> initial) {
        List<String> selected = new ArrayList<>(initial);
        Rational remaining = instance.budget().subtract(totalCost(instance.projects().stream()
                .filter(p -> initial.contains(p.id())).toList()));
        List<Project> order = new ArrayList<>(instance.projects().stream().filter(p -> !initial.contains(p.id()))
                .sorted(Comparator.comparing(Project::id)).toList());
        // density: +inf encoded as a huge class, 0 for no support
        order.sort((a, b) -> compareDensity(instance, satisfaction, b, a));
        for (Project project : order) {
            if (project.cost().compareTo(remaining) <= 0) {
                selected.add(project.id());
                remaining = remaining.subtract(project.cost());
            }
        }
        return selected;
    }

    private static int compareDensity(Instance instance, Satisfaction satisfaction, Project a, Project b) {
        Rational sa = support(instance, a, satisfaction);
        Rational sb = support(instance, b, satisfaction);
        int classA = sa.signum() == 0 ? 0 : a.cost().signum() == 0 ? 2 : 1;
        int classB = sb.signum() == 0 ? 0 : b.cost().signum() == 0 ? 2 : 1;
        if (classA != classB || classA != 1) {
            return Integer.compare(classA, classB);
        }
        return sa.divide(a.cost()).compareTo(sb.divide(b.cost()));
    }

    static Rational support(Instance instance, Project project, Satisfaction satisfaction) {
        Rational total = Rational.ZERO;
        for (Ballot ballot : instance.ballots()) {
            total = total.add(utility(instance, ballot, project, satisfaction));
        }
        return total;
    }

    /** MES with a fixed per-voter endowment, pabutools semantics, lexicographic tie-breaking. */
    static List<String> mes(Instance instance, Satisfaction satisfaction, Rational endowment) {
        List<Ballot> voters = instance.ballots();
        Rational[] budget = new Rational[voters.size()];
        java.util.Arrays.fill(budget, endowment);
        List<String> selected = new ArrayList<>();
        List<Project> candidates = new ArrayList<>();
        for (Project project : instance.projects()) {
            if (support(instance, project, satisfaction).signum() > 0) {
                if (project.cost().signum() == 0) {
                    selected.add(project.id());
                } else {
                    candidates.add(project);
                }
            }
        }
        selected.sort(Comparator.naturalOrder());
        while (true) {
            Rational best = null;
            Project winner = null;
            List<Project> unaffordable = new ArrayList<>();
            for (Project project : candidates) {
                Rational rho = rho(instance, project, satisfaction, budget);
                if (rho == null) {
                    unaffordable.add(project);
                    continue;
                }
                int c = best == null ? -1 : rho.compareTo(best);
                if (c < 0 || (c == 0 && project.id().compareTo(winner.id()) < 0)) {
                    best = rho;
                    winner = project;
                }
            }
            candidates.removeAll(unaffordable);
            if (winner == null) {
                return selected;
            }
            selected.add(winner.id());
            candidates.remove(winner);
            for (int i = 0; i < voters.size(); i++) {
                Rational pay = best.multiply(utility(instance, voters.get(i), winner, satisfaction));
                budget[i] = budget[i].subtract(budget[i].min(pay));
            }
        }
    }

    /** The smallest ρ with Σ min(b_i, ρ·u_i) = cost, or null when the supporters cannot afford the project. */
    private static Rational rho(Instance instance, Project project, Satisfaction satisfaction, Rational[] budget) {
        List<Integer> supporters = new ArrayList<>();
        Rational available = Rational.ZERO;
        Rational denominator = Rational.ZERO;
        for (int i = 0; i < budget.length; i++) {
            Rational u = utility(instance, instance.ballots().get(i), project, satisfaction);
            if (u.signum() > 0) {
                supporters.add(i);
                available = available.add(budget[i]);
                denominator = denominator.add(u);
            }
        }
        if (available.compareTo(project.cost()) < 0) {
            return null;
        }
        supporters.sort(Comparator.comparing(i -> budget[i].divide(
                utility(instance, instance.ballots().get(i), project, satisfaction))));
        Rational paid = Rational.ZERO;
        for (int i : supporters) {
            Rational u = utility(instance, instance.ballots().get(i), project, satisfaction);
            Rational rho = project.cost().subtract(paid).divide(denominator);
            if (rho.multiply(u).compareTo(budget[i]) <= 0) {
                return rho;
            }
            paid = paid.add(budget[i]);
            denominator = denominator.subtract(u);
        }
        throw new IllegalStateException("affordable project without a price");
    }

    /** pabutools' Add1: B/n, B/n+1, ... until exhaustive over the MES candidates or infeasible. */
    static List<String> add1(Instance instance, Satisfaction satisfaction) {
        int n = instance.ballots().size();
        Rational endowment = instance.budget().divide(n);
        List<String> previous = mes(instance, satisfaction, Rational.ZERO);
        List<String> candidates = instance.projects().stream().filter(p -> p.cost().signum() > 0
                && support(instance, p, satisfaction).signum() > 0).map(Project::id).toList();
        while (true) {
            List<String> outcome = mes(instance, satisfaction, endowment);
            Rational cost = totalCost(instance.projects().stream().filter(p -> outcome.contains(p.id())).toList());
            if (cost.compareTo(instance.budget()) > 0) {
                return previous;
            }
            Rational left = instance.budget().subtract(cost);
            boolean exhaustive = instance.projects().stream().noneMatch(p -> candidates.contains(p.id())
                    && !outcome.contains(p.id()) && p.cost().compareTo(left) <= 0);
            if (exhaustive) {
                return outcome;
            }
            previous = outcome;
            endowment = endowment.add(Rational.ONE);
        }
    }

    /** Sequential Phragmén, stopping at the first best project that does not fit. */
    static List<String> phragmen(Instance instance) {
        List<Ballot> voters = instance.ballots();
        Rational[] load = new Rational[voters.size()];
        java.util.Arrays.fill(load, Rational.ZERO);
        List<Project> open = new ArrayList<>(instance.projects().stream()
                .filter(p -> p.cost().compareTo(instance.budget()) <= 0).toList());
        List<String> selected = new ArrayList<>();
        Rational spent = Rational.ZERO;
        while (!open.isEmpty()) {
            Rational best = null;
            List<Project> tied = new ArrayList<>();
            for (Project project : open) {
                long approvals = voters.stream().filter(b -> b.projectIds().contains(project.id())).count();
                Rational t = null;
                if (approvals > 0) {
                    Rational sum = project.cost();
                    for (int i = 0; i < voters.size(); i++) {
                        if (voters.get(i).projectIds().contains(project.id())) {
                            sum = sum.add(load[i]);
                        }
                    }
                    t = sum.divide(approvals);
                }
                int c = compareWithInfinity(t, best, tied.isEmpty());
                if (c < 0) {
                    best = t;
                    tied.clear();
                    tied.add(project);
                } else if (c == 0) {
                    tied.add(project);
                }
            }
            Rational left = instance.budget().subtract(spent);
            if (tied.stream().anyMatch(p -> p.cost().compareTo(left) > 0)) {
                return selected;
            }
            Project winner = tied.stream().min(Comparator.comparing(Project::id)).orElseThrow();
            selected.add(winner.id());
            spent = spent.add(winner.cost());
            open.remove(winner);
            for (int i = 0; i < voters.size(); i++) {
                if (voters.get(i).projectIds().contains(winner.id())) {
                    load[i] = best;
                }
            }
        }
        return selected;
    }

    /** Compares t with the best so far; null means +∞. */
    private static int compareWithInfinity(Rational t, Rational best, boolean first) {
        if (first) {
            return -1;
        }
        if (t == null && best == null) {
            return 0;
        }
        if (t == null) {
            return 1;
        }
        if (best == null) {
            return -1;
        }
        return t.compareTo(best);
    }
}
