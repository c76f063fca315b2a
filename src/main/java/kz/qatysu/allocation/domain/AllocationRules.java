package kz.qatysu.allocation.domain;

import static kz.qatysu.allocation.domain.OutcomeBuilder.figures;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The allocation rules, addressed by the keys of the reference results ({@code greedy_cost}, {@code mes_cost_add1},
 * {@code seq_phragmen}, ...). Every rule is deterministic and computed with exact arithmetic; ties are broken as
 * documented per rule (pabutools: smallest project id in string order).
 *
 * <p>Any MES-based key can take the suffix {@code _comparison} (comparison step by satisfaction) or
 * {@code _comparison_exclusion} (by exclusion ratio), as used by Wieliczka and Świecie.</p>
 */
public final class AllocationRules {

    private static final String COMPARISON = "_comparison";
    private static final String COMPARISON_EXCLUSION = "_comparison_exclusion";

    private interface Computation {
        void compute(Election election, OutcomeBuilder builder);
    }

    private record Definition(Satisfaction supportMeasure, boolean approvalOnly, boolean mesBased,
                              Computation computation) {
    }

    private static final Map<String, Definition> RULES = new LinkedHashMap<>();

    static {
        greedy("greedy_cost", Satisfaction.COST);
        greedy("greedy_cardinality", Satisfaction.CARDINALITY);
        greedy("greedy_points", Satisfaction.POINTS_COST);
        greedy("greedy_cardinal", Satisfaction.POINTS);
        mes("mes_cost", Satisfaction.COST);
        mes("mes_cardinality", Satisfaction.CARDINALITY);
        mes("mes_points_cost", Satisfaction.POINTS_COST);
        mes("mes_cardinal", Satisfaction.POINTS);
        add1("mes_cost_add1", Satisfaction.COST, null);
        add1("mes_cardinality_add1", Satisfaction.CARDINALITY, null);
        add1("mes_points_cost_add1", Satisfaction.POINTS_COST, null);
        add1("mes_cardinal_add1", Satisfaction.POINTS, null);
        add1("mes_cost_add1_then_greedy_cost", Satisfaction.COST, Satisfaction.COST);
        add1("mes_points_cost_add1_then_greedy_points", Satisfaction.POINTS_COST, Satisfaction.POINTS_COST);
        RULES.put("mes_cost_add1_no_exhaustive_stop", new Definition(Satisfaction.COST, false, true,
                (e, b) -> budgetIncrease(e, b, Satisfaction.COST, false, null)));
        RULES.put("mes_cost_exhaustion_1pct_then_greedy_cost", new Definition(Satisfaction.COST, false, true,
                (e, b) -> budgetIncrease(e, b, Satisfaction.COST, true, Satisfaction.COST)));
        RULES.put("seq_phragmen", new Definition(Satisfaction.CARDINALITY, true, false, AllocationRules::phragmen));
        RULES.put("equalshares_net_add1", new Definition(Satisfaction.COST, true, true,
                (e, b) -> equalSharesNet(e, b, true, false)));
        RULES.put("equalshares_net_add1u", new Definition(Satisfaction.COST, true, true,
                (e, b) -> equalSharesNet(e, b, true, true)));
        RULES.put("equalshares_net_add1_no_exhaustive_stop", new Definition(Satisfaction.COST, true, true,
                (e, b) -> equalSharesNet(e, b, false, false)));
    }

    private AllocationRules() {
    }

    private static void greedy(String key, Satisfaction satisfaction) {
        RULES.put(key, new Definition(satisfaction, false, false,
                (e, b) -> greedy(e, b, satisfaction, ReasonCode.FUNDED_BY_GREEDY)));
    }

    private static void mes(String key, Satisfaction satisfaction) {
        RULES.put(key, new Definition(satisfaction, false, true, (e, b) -> {
            MesEngine engine = new MesEngine(e, satisfaction, TieBreaking.LEXICOGRAPHIC, true);
            MesEngine.Result result = engine.newWorkspace().run(equalShare(e), true);
            record(b, engine, result);
        }));
    }

    private static void add1(String key, Satisfaction satisfaction, Satisfaction completion) {
        RULES.put(key, new Definition(satisfaction, false, true, (e, b) -> add1(e, b, satisfaction, completion)));
    }

    /** All rule keys, the comparison variants included. */
    public static Set<String> keys() {
        Set<String> keys = new TreeSet<>(RULES.keySet());
        RULES.forEach((key, definition) -> {
            if (definition.mesBased()) {
                keys.add(key + COMPARISON);
                keys.add(key + COMPARISON_EXCLUSION);
            }
        });
        return keys;
    }

    /** Whether the rule is known and defined for ballots of the format (what {@link #allocate} would refuse). */
    public static boolean appliesTo(String ruleKey, VoteType type) {
        try {
            definitionFor(ruleKey, type);
            return true;
        } catch (RuleNotApplicableException e) {
            return false;
        }
    }

    private static Definition definitionFor(String ruleKey, VoteType type) {
        String base = ruleKey;
        boolean comparison = false;
        if (ruleKey.endsWith(COMPARISON_EXCLUSION)) {
            base = ruleKey.substring(0, ruleKey.length() - COMPARISON_EXCLUSION.length());
            comparison = true;
        } else if (ruleKey.endsWith(COMPARISON)) {
            base = ruleKey.substring(0, ruleKey.length() - COMPARISON.length());
            comparison = true;
        }
        Definition definition = RULES.get(base);
        if (definition == null || (comparison && !definition.mesBased())) {
            throw new RuleNotApplicableException("unknown rule '" + ruleKey + "'; known rules: " + String.join(", ", keys()));
        }
        if (definition.approvalOnly() && !type.isApproval()) {
            throw new RuleNotApplicableException("rule " + ruleKey + " is defined for approval ballots only, not for "
                    + type.pabulibName() + " ballots");
        }
        if (definition.supportMeasure().needsPoints() && !type.hasPoints()) {
            throw new RuleNotApplicableException("rule " + ruleKey + " needs ballots with points (cumulative or "
                    + "scoring), not " + type.pabulibName() + " ballots");
        }
        if (type == VoteType.SCORING && definition.supportMeasure().needsPoints()) {
            throw new RuleNotApplicableException("rule " + ruleKey + " is not defined for scoring ballots");
        }
        return definition;
    }

    /**
     * Allocates the budget of an instance with a rule.
     *
     * @throws RuleNotApplicableException when the key is unknown or the rule is not defined for the ballot format
     */
    public static Outcome allocate(String ruleKey, Instance instance) {
        String base = ruleKey;
        String measure = null;
        if (ruleKey.endsWith(COMPARISON_EXCLUSION)) {
            base = ruleKey.substring(0, ruleKey.length() - COMPARISON_EXCLUSION.length());
            measure = "exclusionRatio";
        } else if (ruleKey.endsWith(COMPARISON)) {
            base = ruleKey.substring(0, ruleKey.length() - COMPARISON.length());
            measure = "satisfaction";
        }
        Definition definition = definitionFor(ruleKey, instance.voteType());
        Election election = Election.compile(instance);
        OutcomeBuilder builder = new OutcomeBuilder(election, ruleKey, definition.supportMeasure());
        definition.computation().compute(election, builder);
        if (measure == null) {
            return builder.build();
        }
        return compare(election, builder, measure);
    }

    // ---------------------------------------------------------------- greedy

    private static void greedy(Election e, OutcomeBuilder b, Satisfaction satisfaction, ReasonCode reason) {
        BigInteger[] total = e.utilities(satisfaction).total();
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < e.projectCount; p++) {
            if (!b.isSelected(p)) {
                order.add(p);
            }
        }
        order.sort(byDensityDescending(e, total).thenComparingInt(p -> e.lexRank[p]));
        long remaining = e.scaledBudget - b.selectedScaledCost();
        for (int p : order) {
            long cost = e.scaledCost[p];
            if (cost <= remaining) {
                b.fund(p, reason, figures("remainingBudgetBefore", e.money(remaining)));
                remaining -= cost;
            } else if (cost > e.scaledBudget) {
                b.reject(p, ReasonCode.EXCEEDS_BUDGET, figures("budget", e.money(e.scaledBudget)));
            } else {
                b.reject(p, ReasonCode.DID_NOT_FIT_REMAINING_BUDGET, figures("remainingBudget", e.money(remaining)));
            }
        }
    }

    /** pabutools' density: total satisfaction per unit of cost, +∞ for free supported projects, 0 without support. */
    private static Comparator<Integer> byDensityDescending(Election e, BigInteger[] total) {
        return (a, c) -> {
            int classA = densityClass(e, total, a);
            int classC = densityClass(e, total, c);
            if (classA != classC) {
                return Integer.compare(classC, classA);
            }
            if (classA != 1) {
                return 0;
            }
            BigInteger left = total[a].multiply(BigInteger.valueOf(e.scaledCost[c]));
            BigInteger right = total[c].multiply(BigInteger.valueOf(e.scaledCost[a]));
            return right.compareTo(left);
        };
    }

    /** 0: no support, 1: finite density, 2: infinite density. */
    private static int densityClass(Election e, BigInteger[] total, int p) {
        if (total[p].signum() == 0) {
            return 0;
        }
        return e.scaledCost[p] == 0 ? 2 : 1;
    }

    // ---------------------------------------------------------------- MES and its completions

    private static Rational equalShare(Election e) {
        return e.voters == 0 ? Rational.ZERO : e.instance.budget().divide(e.voters);
    }

    /** Records a (traced) MES result: purchases and, for the others, why not. */
    private static void record(OutcomeBuilder b, MesEngine engine, MesEngine.Result result) {
        Election e = engine.election;
        MesEngine.Result traced = result.trace() != null ? result
                : engine.newWorkspace().run(result.endowment(), true);
        for (int p : traced.selected()) {
            MesEngine.Purchase purchase = traced.trace().purchases().get(p);
            if (e.scaledCost[p] == 0) {
                b.fund(p, ReasonCode.FUNDED_AT_ZERO_COST, Map.of());
            } else {
                b.fund(p, ReasonCode.FUNDED_BY_EQUAL_SHARES, figures("maxPayment", purchase.maxPayment(),
                        "supportersPayingMax", purchase.payingMax(), "supportersPayingLess", purchase.payingLess()));
            }
        }
        for (List<Integer> tie : traced.unresolvedTies()) {
            b.unresolvedTie(tie);
        }
        for (int p = 0; p < e.projectCount; p++) {
            if (b.isSelected(p)) {
                continue;
            }
            if (e.approvals[p] == 0) {
                b.reject(p, ReasonCode.NO_SUPPORT, Map.of());
            } else if (!engine.isCandidate(p)) {
                b.reject(p, ReasonCode.NO_SATISFACTION, Map.of());
            } else {
                Rational funds = traced.trace().supporterFundsAtEnd().get(p);
                Rational shortfall = e.cost[p].subtract(funds);
                long supporters = 0;
                for (int g : engine.utilities.supporters()[p]) {
                    supporters += e.weight[g];
                }
                b.reject(p, ReasonCode.INSUFFICIENT_SUPPORTER_FUNDS, figures("supporterFunds", funds,
                        "shortfall", shortfall, "shortfallPerSupporter", shortfall.divide(supporters)));
            }
        }
    }

    /** Verdict on the MES outcome of one endowment step. */
    private enum Verdict { CONTINUE, TAKE_THIS, TAKE_PREVIOUS }

    private interface Judge {
        Verdict judge(MesEngine.Result result, int step);
    }

    private record Search(MesEngine.Result result, int runs, Rational start) {
    }

    /** Whether Add1 steps may end their MES run once the verdict is certain (false only to measure or check). */
    static boolean ADD1_EARLY_STOP = !Boolean.getBoolean("qatysu.allocation.noEarlyStop");

    private static final ExecutorService STEPS = Executors.newFixedThreadPool(
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), runnable -> {
                Thread thread = new Thread(runnable, "allocation-add1");
                thread.setDaemon(true);
                return thread;
            });

    /**
     * Raises the endowment step by step until the judge stops. Steps are independent MES runs, so a batch of
     * consecutive steps is computed in parallel (speculatively) and judged in order.
     *
     * @param endowmentAt endowment of a step, or null when the step lies beyond the search bound
     * @param previous    the result returned if the very first step is rejected (may be null)
     */
    private static Search search(MesEngine engine, IntFunction<Rational> endowmentAt, Judge judge,
                                 MesEngine.Result previous) {
        return search(engine, endowmentAt, judge, previous, null);
    }

    /**
     * As above; with {@code stop}, a step's MES run may end as soon as the judge's verdict on its final outcome is
     * certain ({@link MesEngine.EarlyStop}); the stop must only ever certify verdicts CONTINUE or TAKE_PREVIOUS.
     * A step stopped early that is returned after all is resumed to its end (traced) in the workspace that ran it:
     * one workspace more than the parallel steps keeps the latest step's run for that, until the next is judged.
     */
    private static Search search(MesEngine engine, IntFunction<Rational> endowmentAt, Judge judge,
                                 MesEngine.Result previous, MesEngine.EarlyStop stop) {
        int parallelism = engine.election.groupCount >= 500
                ? Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())) : 1;
        // the spare workspace is only needed to resume a step stopped early
        List<MesEngine.Workspace> pool = new ArrayList<>();
        for (int i = 0; i < parallelism + (stop != null ? 1 : 0); i++) {
            pool.add(engine.newWorkspace());
        }
        MesEngine.Workspace previousRun = null; // the workspace holding `previous`, if it is one of our runs
        int step = 0;
        int runs = 0;
        while (true) {
            List<Rational> endowments = new ArrayList<>();
            for (int i = 0; i < parallelism; i++) {
                Rational endowment = endowmentAt.apply(step + i);
                if (endowment == null) {
                    break;
                }
                endowments.add(endowment);
            }
            if (endowments.isEmpty()) {
                return new Search(previous, runs, endowmentAt.apply(0));
            }
            List<MesEngine.Workspace> workspaces = new ArrayList<>(pool);
            workspaces.remove(previousRun);
            List<MesEngine.Result> results = runAll(workspaces, endowments, stop);
            for (int i = 0; i < results.size(); i++) {
                MesEngine.Result result = results.get(i);
                runs++;
                Verdict verdict = judge.judge(result, step);
                if (verdict == Verdict.TAKE_THIS && result.stoppedEarly()) {
                    // the stop only certifies the property it was given; a step accepted on other grounds (e.g. a
                    // saturated endowment) is run to its end and judged again (traced: a returned result is explained)
                    result = workspaces.get(i).resume();
                    verdict = judge.judge(result, step);
                }
                if (verdict == Verdict.TAKE_THIS) {
                    return new Search(result, runs, endowmentAt.apply(0));
                }
                if (verdict == Verdict.TAKE_PREVIOUS) {
                    if (previous != null && previous.stoppedEarly()) {
                        // it is explained next; not counted: the number of runs reported is the number of Add1 steps
                        previous = previousRun.resume();
                    }
                    return new Search(previous, runs, endowmentAt.apply(0));
                }
                previous = result;
                previousRun = result.stoppedEarly() ? workspaces.get(i) : null; // kept only to be resumed
                step++;
            }
        }
    }

    /**
     * Runs the steps of a batch in parallel. A step that stopped early goes on with its run while others of the batch
     * are still running (time that would otherwise be spent waiting): should it be returned after all, less is left
     * to resume.
     */
    private static List<MesEngine.Result> runAll(List<MesEngine.Workspace> workspaces, List<Rational> endowments,
                                                 MesEngine.EarlyStop stop) {
        if (endowments.size() == 1) {
            return List.of(workspaces.get(0).run(endowments.get(0), false, stop));
        }
        AtomicInteger running = new AtomicInteger(endowments.size());
        List<Future<MesEngine.Result>> futures = new ArrayList<>();
        for (int i = 1; i < endowments.size(); i++) {
            MesEngine.Workspace workspace = workspaces.get(i);
            Rational endowment = endowments.get(i);
            futures.add(STEPS.submit(() -> runStep(workspace, endowment, stop, running)));
        }
        List<MesEngine.Result> results = new ArrayList<>();
        results.add(runStep(workspaces.get(0), endowments.get(0), stop, running));
        try {
            for (Future<MesEngine.Result> future : futures) {
                results.add(future.get());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an Add1 step", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(ex.getCause());
        }
        return results;
    }

    private static MesEngine.Result runStep(MesEngine.Workspace workspace, Rational endowment,
                                            MesEngine.EarlyStop stop, AtomicInteger running) {
        MesEngine.Result result;
        try {
            result = workspace.run(endowment, false, stop);
        } finally {
            running.decrementAndGet();
        }
        workspace.continueWhile(() -> running.get() > 0);
        return result;
    }

    private static boolean exhaustive(Election e, int[] selected, long cost, boolean candidatesOnly, MesEngine engine) {
        boolean[] in = new boolean[e.projectCount];
        for (int p : selected) {
            in[p] = true;
        }
        long remaining = e.scaledBudget - cost;
        for (int p = 0; p < e.projectCount; p++) {
            if (!in[p] && (!candidatesOnly || engine.isCandidate(p)) && e.scaledCost[p] <= remaining) {
                return false;
            }
        }
        return true;
    }

    /** True once every voter could pay for every candidate alone: larger endowments give the same outcome. */
    private static boolean saturated(MesEngine engine, Rational endowment) {
        return endowment.compareTo(engine.election.money(engine.candidateCostSum())) >= 0;
    }

    /** pabutools' {@code voter_budget_increment=1}: B/n, B/n+1, ...; exhaustive stop over the MES candidates. */
    private static void add1(Election e, OutcomeBuilder b, Satisfaction satisfaction, Satisfaction completion) {
        MesEngine engine = new MesEngine(e, satisfaction, TieBreaking.LEXICOGRAPHIC, true);
        Rational start = equalShare(e);
        MesEngine.Result initial = engine.newWorkspace().run(Rational.ZERO, false);
        MesEngine.Result upfrontOnly = new MesEngine.Result(null, onlyZeroCost(e, initial.selected()),
                0, List.of(), null);
        Search search = search(engine, step -> start.add(Rational.of(step)), (result, step) -> {
            if (result.scaledCost() > e.scaledBudget) {
                return Verdict.TAKE_PREVIOUS;
            }
            return exhaustive(e, result.selected(), result.scaledCost(), true, engine)
                    ? Verdict.TAKE_THIS : Verdict.CONTINUE;
        }, upfrontOnly, ADD1_EARLY_STOP ? new MesEngine.EarlyStop(e.scaledBudget, e.scaledBudget, -1) : null);
        finish(e, b, engine, search, completion);
    }

    private static int[] onlyZeroCost(Election e, int[] selected) {
        return Arrays.stream(selected).filter(p -> e.scaledCost[p] == 0).toArray();
    }

    /**
     * pabutools' {@code exhaustion_by_budget_increase} around MES: the instance budget grows by a step
     * (n, i.e. +1 per voter, or 1% of B) up to B·(n+1); stops when the outcome is infeasible (previous one returned)
     * or, if asked, exhaustive over all projects.
     */
    private static void budgetIncrease(Election e, OutcomeBuilder b, Satisfaction satisfaction,
                                       boolean onePercentWithExhaustiveStop, Satisfaction completion) {
        MesEngine engine = new MesEngine(e, satisfaction, TieBreaking.LEXICOGRAPHIC, true);
        Rational budget = e.instance.budget();
        long n = Math.max(1, e.voters);
        Rational step = onePercentWithExhaustiveStop ? budget.divide(100) : Rational.of(n);
        Rational bound = budget.multiply(e.voters + 1);
        MesEngine.Result empty = new MesEngine.Result(null, new int[0], 0, List.of(), null);
        Search search = search(engine, k -> {
            Rational instanceBudget = budget.add(step.multiply(k));
            if (instanceBudget.compareTo(bound) > 0 || (k > 0 && step.signum() == 0)) {
                return null;
            }
            return e.voters == 0 ? Rational.ZERO : instanceBudget.divide(e.voters);
        }, (result, k) -> {
            if (result.scaledCost() > e.scaledBudget) {
                return Verdict.TAKE_PREVIOUS;
            }
            if (onePercentWithExhaustiveStop && exhaustive(e, result.selected(), result.scaledCost(), false, engine)) {
                return Verdict.TAKE_THIS;
            }
            return saturated(engine, result.endowment()) ? Verdict.TAKE_THIS : Verdict.CONTINUE;
        }, empty, ADD1_EARLY_STOP && !onePercentWithExhaustiveStop
                ? new MesEngine.EarlyStop(e.scaledBudget, -1, e.scaledBudget) : null);
        finish(e, b, engine, search, completion);
    }

    /** The equalshares.net reference: integral start floor(B/n), +1 per voter, min-cost/max-votes tie-breaking. */
    private static void equalSharesNet(Election e, OutcomeBuilder b, boolean exhaustiveStop, boolean completion) {
        MesEngine engine = new MesEngine(e, Satisfaction.COST, TieBreaking.MIN_COST_THEN_MAX_APPROVALS, false);
        Rational start = e.voters == 0 ? Rational.ZERO : Rational.of(equalShare(e).floor());
        Search search = search(engine, step -> start.add(Rational.of(step)), (result, step) -> {
            if (step > 0 && result.scaledCost() > e.scaledBudget) {
                return Verdict.TAKE_PREVIOUS;
            }
            if (exhaustiveStop && exhaustive(e, result.selected(), result.scaledCost(), false, engine)) {
                return Verdict.TAKE_THIS;
            }
            return saturated(engine, result.endowment()) ? Verdict.TAKE_THIS : Verdict.CONTINUE;
        }, null);
        recordSearch(b, engine, search);
        if (completion) {
            List<Integer> order = new ArrayList<>();
            for (int p = 0; p < e.projectCount; p++) {
                order.add(p);
            }
            order.sort(Comparator.comparingLong((Integer p) -> e.approvals[p]).reversed());
            completeInOrder(e, b, order);
        }
    }

    private static void recordSearch(OutcomeBuilder b, MesEngine engine, Search search) {
        Election e = engine.election;
        MesEngine.Result result = search.result();
        if (result.endowment() == null) {
            // even the first endowment overspent: only what pabutools starts with (free projects) remains
            MesEngine.Result start = engine.newWorkspace().run(search.start(), true);
            for (int p : result.selected()) {
                b.fund(p, ReasonCode.FUNDED_AT_ZERO_COST, Map.of());
            }
            for (int p = 0; p < e.projectCount; p++) {
                if (!b.isSelected(p)) {
                    b.reject(p, e.approvals[p] == 0 ? ReasonCode.NO_SUPPORT : ReasonCode.DID_NOT_FIT_REMAINING_BUDGET,
                            figures("remainingBudget", e.money(e.scaledBudget - b.selectedScaledCost()),
                                    "firstEndowmentOutcomeCost", e.money(start.scaledCost())));
                }
            }
            b.endowment(new Endowment(search.start().toExactString(), "none", search.runs()));
            return;
        }
        record(b, engine, result);
        b.endowment(new Endowment(search.start().toExactString(), result.endowment().toExactString(), search.runs()));
    }

    private static void finish(Election e, OutcomeBuilder b, MesEngine engine, Search search, Satisfaction completion) {
        recordSearch(b, engine, search);
        if (completion != null) {
            int[] selected = b.selected().stream().mapToInt(Integer::intValue).toArray();
            if (!exhaustive(e, selected, b.selectedScaledCost(), false, engine)) {
                greedy(e, b, completion, ReasonCode.FUNDED_BY_COMPLETION);
            }
        }
    }

    /** Adds projects in the given order while they fit (equalshares.net utilitarian completion). */
    private static void completeInOrder(Election e, OutcomeBuilder b, List<Integer> order) {
        long remaining = e.scaledBudget - b.selectedScaledCost();
        for (int p : order) {
            if (b.isSelected(p)) {
                continue;
            }
            if (e.scaledCost[p] <= remaining) {
                b.fund(p, ReasonCode.FUNDED_BY_COMPLETION, figures("remainingBudgetBefore", e.money(remaining)));
                remaining -= e.scaledCost[p];
            } else {
                b.reject(p, ReasonCode.DID_NOT_FIT_REMAINING_BUDGET, figures("remainingBudget", e.money(remaining)));
            }
        }
    }

    // ---------------------------------------------------------------- comparison step

    private static Outcome compare(Election e, OutcomeBuilder mesBuilder, String measure) {
        OutcomeBuilder greedyBuilder = new OutcomeBuilder(e, "greedy_cost", Satisfaction.COST);
        greedy(e, greedyBuilder, Satisfaction.COST, ReasonCode.FUNDED_BY_GREEDY);
        boolean[] inMes = new boolean[e.projectCount];
        boolean[] inGreedy = new boolean[e.projectCount];
        mesBuilder.selected().forEach(p -> inMes[p] = true);
        greedyBuilder.selected().forEach(p -> inGreedy[p] = true);
        long preferMes = 0;
        long preferGreedy = 0;
        for (int g = 0; g < e.groupCount; g++) {
            int satMes = 0;
            int satGreedy = 0;
            for (int p : e.groupProjects[g]) {
                satMes += inMes[p] ? 1 : 0;
                satGreedy += inGreedy[p] ? 1 : 0;
            }
            if (measure.equals("exclusionRatio")) {
                satMes = Math.min(satMes, 1);
                satGreedy = Math.min(satGreedy, 1);
            }
            if (satMes > satGreedy) {
                preferMes += e.weight[g];
            } else if (satGreedy > satMes) {
                preferGreedy += e.weight[g];
            }
        }
        boolean greedyChosen = preferGreedy > preferMes;
        Comparison comparison = new Comparison(measure, preferMes, preferGreedy, greedyChosen,
                greedyBuilder.selected().stream().map(p -> e.ids[p]).toList(),
                mesBuilder.selected().stream().map(p -> e.ids[p]).toList());
        Outcome chosen = (greedyChosen ? greedyBuilder : mesBuilder).build();
        return new Outcome(mesBuilder.build().rule(), chosen.selected(), chosen.totalCost(), chosen.budget(),
                chosen.voters(), greedyChosen ? null : chosen.endowment(), comparison, chosen.unresolvedTies(),
                chosen.explanations());
    }

    // ---------------------------------------------------------------- sequential Phragmén

    private static void phragmen(Election e, OutcomeBuilder b) {
        int m = e.projectCount;
        boolean[] open = new boolean[m];
        for (int p = 0; p < m; p++) {
            if (e.scaledCost[p] <= e.scaledBudget) {
                open[p] = true;
            } else {
                b.reject(p, ReasonCode.EXCEEDS_BUDGET, figures("budget", e.money(e.scaledBudget)));
            }
        }
        // loads are in scaled money; each group's load is the t* of the round that last charged it (round 0: zero)
        List<Rational> roundLoad = new ArrayList<>();
        roundLoad.add(Rational.ZERO);
        int[] roundOf = new int[e.groupCount];
        Rational[] loadSum = new Rational[m];
        Arrays.fill(loadSum, Rational.ZERO);
        long spent = 0;
        while (true) {
            Rational best = null;
            List<Integer> tied = new ArrayList<>();
            boolean onlyUnsupported = true;
            for (int p = 0; p < m; p++) {
                if (!open[p] || e.approvals[p] == 0) {
                    continue;
                }
                onlyUnsupported = false;
                Rational t = loadSum[p].add(Rational.of(e.scaledCost[p])).divide(e.approvals[p]);
                int c = best == null ? -1 : t.compareTo(best);
                if (c < 0) {
                    best = t;
                    tied.clear();
                    tied.add(p);
                } else if (c == 0) {
                    tied.add(p);
                }
            }
            if (onlyUnsupported) {
                for (int p = 0; p < m; p++) {
                    if (open[p]) {
                        tied.add(p);
                    }
                }
            }
            if (tied.isEmpty()) {
                break;
            }
            long remaining = e.scaledBudget - spent;
            int blocking = -1;
            for (int p : tied) {
                if (e.scaledCost[p] > remaining && (blocking < 0 || e.lexRank[p] < e.lexRank[blocking])) {
                    blocking = p;
                }
            }
            if (blocking >= 0) {
                for (int p = 0; p < m; p++) {
                    if (open[p]) {
                        b.reject(p, ReasonCode.PHRAGMEN_STOPPED, figures("stoppedAt", e.ids[blocking],
                                "remainingBudget", e.money(remaining)));
                    }
                }
                break;
            }
            int winner = tied.get(0);
            for (int p : tied) {
                if (e.lexRank[p] < e.lexRank[winner]) {
                    winner = p;
                }
            }
            open[winner] = false;
            spent += e.scaledCost[winner];
            b.fund(winner, ReasonCode.FUNDED_BY_PHRAGMEN,
                    best == null ? figures("maxLoad", "unsupported") : figures("maxLoad", best.divide(e.moneyScale)));
            if (best == null) {
                continue;
            }
            int round = roundLoad.size();
            roundLoad.add(best);
            Map<Integer, Map<Integer, Long>> moved = new HashMap<>();
            for (int g : e.approvers[winner]) {
                int old = roundOf[g];
                for (int q : e.groupProjects[g]) {
                    if (open[q]) {
                        moved.computeIfAbsent(q, k -> new HashMap<>()).merge(old, e.weight[g], Long::sum);
                    }
                }
                roundOf[g] = round;
            }
            for (Map.Entry<Integer, Map<Integer, Long>> entry : moved.entrySet()) {
                Rational sum = loadSum[entry.getKey()];
                for (Map.Entry<Integer, Long> byRound : entry.getValue().entrySet()) {
                    sum = sum.add(best.subtract(roundLoad.get(byRound.getKey())).multiply(byRound.getValue()));
                }
                loadSum[entry.getKey()] = sum;
            }
        }
    }
}
