package kz.qatysu.allocation.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The Method of Equal Shares for one fixed per-voter endowment, computed exactly.
 *
 * <p>Voters with identical ballots form weighted groups. Every group's remaining budget is one of a few
 * <em>budget levels</em>: at the start all groups share one level, and buying a project moves all its supporters
 * at a level either to level zero (they paid all they had) or to one new level (they paid the full share). Level
 * values are integers over one common denominator {@code D}, so sums and comparisons need no division. Projects are
 * re-evaluated lazily in order of their previous ρ, which can only grow. Doubles decide first wherever a rigorous error
 * bound lets them (a shadow budget per group, see {@link Workspace}); exact values are computed only where they
 * cannot, and for the payment of each purchase. The precomputed supporter lists are shared
 * by every run, and each thread keeps its own {@link Workspace}, so Add1 steps can run in parallel.</p>
 */
final class MesEngine {

    final Election election;
    final Election.Utilities utilities;
    final TieBreaking tieBreaking;
    final boolean zeroCostUpfront;
    /** Whether runs use the filtered floating-point fast path (false: the pure exact path, kept for checking). */
    final boolean fastPath;
    private final int minCompaction;
    private final double trackedShare;

    /** Candidates (positive satisfaction, positive cost), sorted by initial ρ = cost / total satisfaction. */
    private final int[] initialOrder;
    private final BigInteger[] initialRhoNum;
    private final BigInteger[] initialRhoDen;
    /** A certified lower bound (double) of each candidate's initial ρ. */
    private final double[] initialRhoLow;
    /** Zero-cost projects with positive satisfaction, selected before anything else (pabutools). */
    private final int[] upfront;
    private final boolean[] candidate;
    private final long[] supporterWeight;
    /** Weights of each uniform project's supporter groups, aligned with its supporter list (fast path). */
    private final double[][] supporterWeights;
    private final long candidateCostSum;

    MesEngine(Election election, Satisfaction satisfaction, TieBreaking tieBreaking, boolean zeroCostUpfront) {
        this(election, satisfaction, tieBreaking, zeroCostUpfront, true);
    }

    MesEngine(Election election, Satisfaction satisfaction, TieBreaking tieBreaking, boolean zeroCostUpfront,
              boolean fastPath) {
        this(election, satisfaction, tieBreaking, zeroCostUpfront, fastPath, 4096);
    }

    MesEngine(Election election, Satisfaction satisfaction, TieBreaking tieBreaking, boolean zeroCostUpfront,
              boolean fastPath, int minCompaction) {
        this(election, satisfaction, tieBreaking, zeroCostUpfront, fastPath, minCompaction, 0.25);
    }

    /**
     * @param minCompaction level-table size below which it is never compacted (small only to test compaction)
     * @param trackedShare  share of all supports held by the candidates whose money bound is updated after every
     *                      purchase of a run that may stop early (see {@link #trackedCandidates})
     */
    MesEngine(Election election, Satisfaction satisfaction, TieBreaking tieBreaking, boolean zeroCostUpfront,
              boolean fastPath, int minCompaction, double trackedShare) {
        this.minCompaction = minCompaction;
        this.trackedShare = trackedShare;
        this.fastPath = fastPath;
        this.election = election;
        this.utilities = election.utilities(satisfaction);
        this.tieBreaking = tieBreaking;
        this.zeroCostUpfront = zeroCostUpfront;
        int m = election.projectCount;
        candidate = new boolean[m];
        supporterWeight = new long[m];
        supporterWeights = new double[m][];
        initialRhoNum = new BigInteger[m];
        initialRhoDen = new BigInteger[m];
        initialRhoLow = new double[m];
        List<Integer> candidates = new ArrayList<>();
        List<Integer> zeroCost = new ArrayList<>();
        long costSum = 0;
        for (int p = 0; p < m; p++) {
            int[] supporters = utilities.supporters()[p];
            for (int g : supporters) {
                supporterWeight[p] += election.weight[g];
            }
            if (fastPath && utilities.perSupporter()[p] == null) {
                double[] weights = new double[supporters.length];
                for (int i = 0; i < supporters.length; i++) {
                    weights[i] = election.weight[supporters[i]];
                }
                supporterWeights[p] = weights;
            }
            if (utilities.total()[p].signum() > 0) {
                if (election.scaledCost[p] > 0) {
                    candidate[p] = true;
                    candidates.add(p);
                    costSum = Math.addExact(costSum, election.scaledCost[p]);
                    initialRhoNum[p] = BigInteger.valueOf(election.scaledCost[p]);
                    initialRhoDen[p] = utilities.total()[p];
                    initialRhoLow[p] = FloatBounds.lower(initialRhoNum[p], initialRhoDen[p]);
                } else if (zeroCostUpfront) {
                    zeroCost.add(p);
                }
            }
        }
        candidateCostSum = costSum;
        candidates.sort((a, b) -> {
            int c = compare(initialRhoNum[a], initialRhoDen[a], initialRhoNum[b], initialRhoDen[b]);
            return c != 0 ? c : Integer.compare(election.lexRank[a], election.lexRank[b]);
        });
        initialOrder = candidates.stream().mapToInt(Integer::intValue).toArray();
        // the fast path scans in this order and stops at the first lower bound above the best: make the bounds
        // non-decreasing along the order (lowering a lower bound keeps it valid), whatever the rounding did
        for (int i = initialOrder.length - 2; i >= 0; i--) {
            int p = initialOrder[i];
            initialRhoLow[p] = Math.min(initialRhoLow[p], initialRhoLow[initialOrder[i + 1]]);
        }
        zeroCost.sort((a, b) -> Integer.compare(election.lexRank[a], election.lexRank[b]));
        upfront = zeroCost.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * For the affordability screen: the tracked candidates each group supports, group g's at
     * projects[start[g] .. start[g + 1]).
     */
    private record GroupCandidates(int[] start, int[] projects) {
    }

    private GroupCandidates groupCandidates;

    /** Built on first use (only runs that may stop early screen affordability); shared by all workspaces. */
    private synchronized GroupCandidates groupCandidates() {
        if (groupCandidates == null) {
            int[][] supporters = utilities.supporters();
            int[] tracked = trackedCandidates();
            int[] start = new int[election.groupCount + 1];
            for (int p : tracked) {
                for (int g : supporters[p]) {
                    start[g + 1]++;
                }
            }
            for (int g = 0; g < election.groupCount; g++) {
                start[g + 1] += start[g];
            }
            int[] projects = new int[start[election.groupCount]];
            int[] fill = Arrays.copyOf(start, election.groupCount);
            for (int p : tracked) {
                for (int g : supporters[p]) {
                    projects[fill[g]++] = p;
                }
            }
            groupCandidates = new GroupCandidates(start, projects);
        }
        return groupCandidates;
    }

    /**
     * The candidates whose money bound the screen keeps up to date after every purchase: the least supported ones,
     * holding together at most {@code trackedShare} of all supports (their updates cost that share of a pass over every
     * bought project's supporters' ballots). The others are supported widely, have a low ρ and are evaluated often;
     * each evaluation refreshes their bound.
     */
    private int[] trackedCandidates() {
        int[][] supporters = utilities.supporters();
        int[] bySupport = initialOrder.clone();
        long total = 0;
        long[] keys = new long[bySupport.length];
        for (int i = 0; i < bySupport.length; i++) {
            int p = bySupport[i];
            total += supporters[p].length;
            keys[i] = (long) supporters[p].length << 32 | p;
        }
        Arrays.sort(keys);
        int count = 0;
        long sum = 0;
        while (count < keys.length && sum + (keys[count] >>> 32) <= trackedShare * total) {
            sum += keys[count] >>> 32;
            bySupport[count] = (int) keys[count];
            count++;
        }
        return Arrays.copyOf(bySupport, count);
    }

    boolean isCandidate(int project) {
        return candidate[project];
    }

    /** Sum of the scaled costs of all candidates: an endowment at least this large cannot change the outcome. */
    long candidateCostSum() {
        return candidateCostSum;
    }

    Workspace newWorkspace() {
        return new Workspace();
    }

    static int compare(BigInteger aNum, BigInteger aDen, BigInteger bNum, BigInteger bDen) {
        return aNum.multiply(bDen).compareTo(bNum.multiply(aDen));
    }

    /** The result of one MES run. */
    record Result(Rational endowment, int[] selected, long scaledCost, List<List<Integer>> unresolvedTies,
                  Trace trace, boolean stoppedEarly) {

        Result(Rational endowment, int[] selected, long scaledCost, List<List<Integer>> unresolvedTies, Trace trace) {
            this(endowment, selected, scaledCost, unresolvedTies, trace, false);
        }

        boolean contains(int project) {
            for (int p : selected) {
                if (p == project) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * When an Add1 step may stop before the end of its MES run: only once a property of its final outcome that decides
     * the verdict is already certain. Costs are scaled money. Two facts make the bounds rigorous: (1) the cost only
     * grows during a run; (2) the final cost is at most (cost so far) + (costs of the candidates still in play),
     * because MES only ever buys a candidate that is neither bought nor found unaffordable, and a candidate found
     * unaffordable stays unaffordable (budgets only shrink), hence unselected.
     *
     * @param overspendAbove  stop once the cost so far exceeds this: the final outcome overspends it too;
     *                        Long.MAX_VALUE for never
     * @param budgetForGap    when ≥ 0: stop once the final outcome certainly fits this budget and is not exhaustive
     *                        over the candidates, i.e. some candidate found unaffordable (cost c) has
     *                        c ≤ budget − (cost so far + live cost) ≤ budget − final cost
     * @param feasibleWithin  when ≥ 0: stop once the final outcome certainly fits this budget
     *                        (cost so far + live cost ≤ budget)
     */
    record EarlyStop(long overspendAbove, long budgetForGap, long feasibleWithin) {

        boolean certain(long costSoFar, long liveCost, long minDroppedCost) {
            if (costSoFar > overspendAbove) {
                return true;
            }
            long finalAtMost = costSoFar + liveCost;
            if (feasibleWithin >= 0 && finalAtMost <= feasibleWithin) {
                return true;
            }
            return budgetForGap >= 0 && minDroppedCost != Long.MAX_VALUE && minDroppedCost <= budgetForGap - finalAtMost;
        }
    }

    /**
     * Per-project details recorded when a run is traced for explanations.
     *
     * @param supporterFundsAtEnd for each candidate not bought, what its supporters hold at the end
     */
    record Trace(Map<Integer, Purchase> purchases, Map<Integer, Rational> supporterFundsAtEnd) {
    }

    /**
     * How a project was bought.
     *
     * @param step             1-based position in the selection order
     * @param maxPayment       the largest amount a supporter paid
     * @param payingMax        voters who paid exactly {@code maxPayment}
     * @param payingLess       voters who paid less (they gave all they had left)
     */
    record Purchase(int step, Rational maxPayment, long payingMax, long payingLess) {
    }

    /** A purchase as recorded during a run: the largest payment still over the run's denominator at the time. */
    private record Paid(int step, BigInteger maxPayment, BigInteger denominator, long payingMax, long payingLess) {

        Purchase inMoney(Election election) {
            return new Purchase(step, election.money(maxPayment, denominator), payingMax, payingLess);
        }
    }

    private record EntryKey(int level, long utility) {
    }

    /** Mutable state of one run; one per thread. */
    final class Workspace {
        private final int[] levelOf = new int[election.groupCount];
        private BigInteger[] value = new BigInteger[64];
        private int levelCount;
        private long[] levelWeight = new long[64];
        private int[] touched = new int[64];
        private int touchedCount;
        private BigInteger denominator;
        private int compactionThreshold;
        /** Level values are rescaled lazily: value[l] is over the denominator of epoch epochOf[l]. */
        private int[] epochOf = new int[64];
        private final List<BigInteger> epochDenominator = new ArrayList<>();
        private BigInteger[] ratioToCurrent = new BigInteger[16];
        /**
         * Double shadow of each group's remaining budget, in scaled money, kept per group rather than per level (after
         * a few purchases nearly every group has a level of its own, and reading budgets in group order is much
         * cheaper than gathering scattered levels): |budget[g] − value[levelOf[g]]/D| ≤ budgetError for every group
         * (a rigorous bound, raised at each purchase by the payment's error and one rounding of the subtraction).
         */
        private final double[] budget = new double[election.groupCount];
        private double budgetError;
        private double endowmentApprox;
        /** Scratch: the budgets of the project being evaluated, in the order of its supporter list. */
        private double[] gathered = new double[64];
        /** The gathered budgets of this round's best project so far, so that its exact ρ needs no second gather. */
        private double[] kept = new double[64];
        private int keptProject = -1;
        private int keptRound = -1;
        /**
         * What the latest purchase that met a level decided for it, in one word so that a purchase reads one
         * scattered entry per group: the purchase's stamp (high 32 bits), the level its groups move to (bits 2–31)
         * and whether its value was below the payment (bit 0).
         */
        private long[] levelMark = new long[64];
        private long purchaseStamp;
        /**
         * Lazy level values: a level created by a purchase keeps value[l] = null, parentOf(l) = the level it came
         * from and paymentOf(l) = the index of the payment, both in one word link[l] (one read per step of a chain);
         * its exact value (parent − payment) is computed only when an exact decision needs it (then cached in
         * value[l]). parentOf(l) = -1 for a root level (the endowment,
         * or a level of a weighted purchase), whose value is always set.
         */
        private long[] link = new long[64];
        private BigInteger[] paymentValue = new BigInteger[64];
        private int[] paymentEpoch = new int[64];
        private int paymentCount;
        /** Certified enclosure tLow &lt; t &lt; tHigh of the payment t (scaled money per unit of utility) from this round. */
        private final double[] tLow = new double[election.projectCount];
        private final double[] tHigh = new double[election.projectCount];
        private final int[] certifiedRound = new int[election.projectCount];
        private long[] sortKeys = new long[64];

        /** Certified lower bound of each project's current ρ (fast path); only grows during a run. */
        private final double[] rhoLow = new double[election.projectCount];
        /** Enclosure [evalLo, evalHi] of ρ from the latest evaluation in this round (fast path). */
        private final double[] evalLo = new double[election.projectCount];
        private final double[] evalHi = new double[election.projectCount];
        /** Round in which rhoNum/rhoDen/evalX/evalDen were last computed exactly (fast path). */
        private final int[] exactRound = new int[election.projectCount];
        private final boolean[] dropped = new boolean[election.projectCount];
        /**
         * Affordability screen of runs that may stop early: a rigorous upper bound of the money each candidate's
         * supporters still hold (Σ w·b), lowered after every purchase by a lower bound of what they paid. A
         * candidate whose bound falls below its cost is unaffordable for good and is dropped without evaluation,
         * which also tightens the bound on the final cost that lets a run stop early.
         */
        private final double[] moneyHigh = new double[election.projectCount];
        private final double[] charged = new double[election.projectCount];
        private boolean screening;
        private GroupCandidates screenIndex;
        private int round;
        /** The current run: its endowment, selection so far, cost so far, unresolved ties and (traced) purchases. */
        private Rational runEndowment;
        private int[] selected;
        private int selectedCount;
        private long cost;
        private List<List<Integer>> unresolved;
        private Map<Integer, Paid> purchases;
        /** Whether the latest run stopped early and may be resumed; whether it has made its last purchase. */
        private boolean resumable;
        private boolean finished;
        /** The result of a resumable run that {@link #continueWhile} took to its end. */
        private Result completed;
        /** Whether the current run's result is traced (asked for, or resumed: it is then returned and explained). */
        private boolean explain;
        /** Smallest cost of a candidate found unaffordable (for good) in this run; Long.MAX_VALUE if none. */
        private long minDroppedCost;
        /** Counters of the last run: fast evaluations, exact fallbacks, exact evaluations of candidates. */
        long fastEvaluations;
        long exactFallbacks;
        long exactCandidates;
        /** Compactions of the level table in this workspace (all runs). */
        long compactions;

        private final BigInteger[] rhoNum = new BigInteger[election.projectCount];
        private final BigInteger[] rhoDen = new BigInteger[election.projectCount];
        private final BigInteger[] evalX = new BigInteger[election.projectCount];
        private final BigInteger[] evalDen = new BigInteger[election.projectCount];
        private final int[] order = new int[election.projectCount];
        private int orderSize;
        private final int[] visited = new int[election.projectCount];
        private final int[] tied = new int[election.projectCount];

        // scratch for non-uniform utilities
        private final Map<EntryKey, Integer> entrySlot = new HashMap<>();
        private int[] entryLevel = new int[64];
        private long[] entryUtility = new long[64];
        private long[] entryWeight = new long[64];
        private Integer[] entryOrder = new Integer[0];
        private int entryCount;

        /**
         * Runs MES with the given per-voter endowment (in money, exact).
         *
         * @param trace whether to record purchase details and final supporter funds
         */
        Result run(Rational endowment, boolean trace) {
            return run(endowment, trace, null);
        }

        /**
         * Runs MES, possibly stopping as soon as the Add1 verdict on the final outcome is certain (see
         * {@link EarlyStop}). A run stopped early returns {@code stoppedEarly = true} with the selection so far; its
         * selection and cost are then <em>not</em> the outcome at this endowment and may only be used for that verdict.
         */
        Result run(Rational endowment, boolean trace, EarlyStop stop) {
            Rational scaled = endowment.multiply(election.moneyScale);
            reset(scaled);
            screening = fastPath && stop != null;
            if (screening) {
                startScreen(scaled);
            }
            runEndowment = endowment;
            selected = new int[election.projectCount];
            selectedCount = 0;
            cost = 0;
            unresolved = new ArrayList<>();
            // a run that may stop early records its purchases too, so that it can be resumed (traced) to its end
            purchases = trace || stop != null ? new HashMap<>() : null;
            for (int p : upfront) {
                selected[selectedCount++] = p;
                if (purchases != null) {
                    purchases.put(p, new Paid(selectedCount, BigInteger.ZERO, BigInteger.ONE, 0, 0));
                }
            }
            resumable = false;
            finished = false;
            completed = null;
            explain = trace;
            return proceed(stop);
        }

        /**
         * Runs the MES run that this workspace stopped early (the latest run it did, returned with
         * {@code stoppedEarly}) on to its end, traced: the same result as running it again in full, traced, without
         * repeating the purchases already made.
         */
        Result resume() {
            if (!resumable) {
                throw new IllegalStateException("the latest run of this workspace did not stop early");
            }
            resumable = false;
            screening = false; // what it found stays true; no later stop needs it
            explain = true;
            if (completed != null) {
                Result result = completed;
                completed = null;
                return result;
            }
            return proceed(null);
        }

        /**
         * Goes on with the run that this workspace stopped early, purchase by purchase, while {@code goOn} holds; it
         * stays resumable. An Add1 step that finished before the others of its batch does this instead of waiting, so
         * that less is left for {@link #resume} should it be returned after all.
         */
        void continueWhile(BooleanSupplier goOn) {
            if (!resumable) {
                return;
            }
            screening = false;
            explain = true;
            while (completed == null && goOn.getAsBoolean()) {
                if (!advance()) {
                    completed = proceed(null); // the end: the explanations' figures too
                }
            }
        }

        private Result proceed(EarlyStop stop) {
            if (stop != null && stop.certain(cost, liveCost(), minDroppedCost)) {
                return stoppedHere();
            }
            while (advance()) {
                if (stop != null && stop.certain(cost, liveCost(), minDroppedCost)) {
                    return stoppedHere();
                }
            }
            long total = cost;
            for (int i = 0; i < upfront.length; i++) {
                total = Math.addExact(total, election.scaledCost[upfront[i]]);
            }
            Trace details = null;
            if (explain) {
                Map<Integer, Purchase> inMoney = new HashMap<>();
                purchases.forEach((project, paid) -> inMoney.put(project, paid.inMoney(election)));
                details = new Trace(inMoney, supporterFunds(selected, selectedCount));
            }
            return new Result(runEndowment, Arrays.copyOf(selected, selectedCount), total, unresolved, details);
        }

        /** Makes the next purchase of the current run; false once nothing more is affordable. */
        private boolean advance() {
            if (finished) {
                return false;
            }
            int winner = fastPath ? fastRound(unresolved) : exactRound(unresolved);
            if (winner < 0) {
                finished = true;
                return false;
            }
            boolean trace = purchases != null;
            Paid purchase = buy(winner, selectedCount + 1, trace);
            selected[selectedCount++] = winner;
            cost = Math.addExact(cost, election.scaledCost[winner]);
            if (trace) {
                purchases.put(winner, purchase);
            }
            return true;
        }

        private Result stoppedHere() {
            resumable = true;
            return new Result(runEndowment, Arrays.copyOf(selected, selectedCount), cost, List.copyOf(unresolved),
                    null, true);
        }

        /**
         * Sum of the scaled costs of the candidates still in play (neither bought nor found unaffordable): every
         * later purchase is one of them, so the final cost is at most the cost so far plus this.
         */
        private long liveCost() {
            long sum = 0;
            for (int i = 0; i < orderSize; i++) {
                int p = order[i];
                if (!dropped[p]) {
                    sum += election.scaledCost[p];
                }
            }
            return sum;
        }

        /**
         * Starts the affordability screen: every candidate's supporters hold K·E (K their total weight, E the
         * endowment); the candidates for which even that is less than the cost are dropped at once.
         */
        private void startScreen(Rational scaledEndowment) {
            screenIndex = groupCandidates();
            double endowmentHigh = FloatBounds.upper(scaledEndowment.numerator(), scaledEndowment.denominator());
            for (int p : initialOrder) {
                long k = supporterWeight[p];
                moneyHigh[p] = k >= EXACT_LIMIT ? Double.POSITIVE_INFINITY : Math.nextUp(k * endowmentHigh);
                if (unaffordableByScreen(p)) {
                    drop(p);
                }
            }
        }

        /** Certain (from the screen's upper bound of its supporters' money) that p can no longer be afforded. */
        private boolean unaffordableByScreen(int p) {
            long cost = election.scaledCost[p];
            return cost < EXACT_LIMIT && moneyHigh[p] < cost;
        }

        /** Marks p unaffordable for good: budgets only shrink. */
        private void drop(int p) {
            dropped[p] = true;
            minDroppedCost = Math.min(minDroppedCost, election.scaledCost[p]);
        }

        /** Adds w_g·paidLow (a lower bound of what group g paid) to the charge of each of g's tracked candidates. */
        private void charge(int g, double paidLow) {
            int[] start = screenIndex.start();
            int from = start[g];
            int to = start[g + 1];
            if (from == to) {
                return;
            }
            double amount = election.weight[g] * paidLow;
            int[] projects = screenIndex.projects();
            for (int i = from; i < to; i++) {
                charged[projects[i]] += amount;
            }
        }

        /**
         * Lowers the money bound of every candidate still in play by its charge from this purchase, and drops those
         * that can no longer afford their cost. A charge is a double sum of at most {@code terms} non-negative
         * products, each from lower bounds; taking (1 − (terms + 8)·2<sup>-50</sup>) of it stays below the exact
         * payments whatever the roundings, and rounding the difference up keeps the bound an upper bound.
         */
        private void applyCharges(int terms) {
            double keep = Math.max(0, 1 - (terms + 8) * 0x1p-50);
            for (int i = 0; i < orderSize; i++) {
                int p = order[i];
                double paid = charged[p];
                if (paid > 0 && !dropped[p]) {
                    moneyHigh[p] = Math.nextUp(moneyHigh[p] - paid * keep);
                    if (unaffordableByScreen(p)) {
                        drop(p);
                    }
                }
            }
            Arrays.fill(charged, 0);
        }

        private void reset(Rational scaledEndowment) {
            Arrays.fill(levelOf, 1);
            Arrays.fill(value, 2, Math.max(2, levelCount), null); // levels beyond the count are always null
            value[0] = BigInteger.ZERO;
            value[1] = scaledEndowment.numerator();
            levelCount = 2;
            compactionThreshold = minCompaction;
            denominator = scaledEndowment.denominator();
            epochDenominator.clear();
            epochDenominator.add(denominator);
            epochOf[0] = 0;
            epochOf[1] = 0;
            link[0] = ROOT;
            link[1] = ROOT;
            paymentCount = 0;
            Arrays.fill(ratioToCurrent, null);
            System.arraycopy(initialOrder, 0, order, 0, initialOrder.length);
            orderSize = initialOrder.length;
            for (int p : initialOrder) {
                rhoNum[p] = initialRhoNum[p];
                rhoDen[p] = initialRhoDen[p];
                rhoLow[p] = initialRhoLow[p];
                dropped[p] = false;
                exactRound[p] = -1;
                certifiedRound[p] = -1;
            }
            endowmentApprox = FloatBounds.approx(scaledEndowment.numerator(), scaledEndowment.denominator());
            budgetError = endowmentApprox * FloatBounds.REL;
            Arrays.fill(budget, endowmentApprox);
            round = 0;
            keptProject = -1;
            minDroppedCost = Long.MAX_VALUE;
            fastEvaluations = 0;
            exactFallbacks = 0;
            exactCandidates = 0;
        }

        /** One MES round on the pure exact path: the winner (after tie-breaking), or -1 when nothing is affordable. */
        private int exactRound(List<List<Integer>> unresolved) {
            BigInteger bestNum = null;
            BigInteger bestDen = null;
            int tiedCount = 0;
            int visitedCount = 0;
            int position = 0;
            for (; position < orderSize; position++) {
                int p = order[position];
                if (bestNum != null && compare(rhoNum[p], rhoDen[p], bestNum, bestDen) > 0) {
                    break;
                }
                visited[visitedCount++] = p;
                if (!evaluate(p)) {
                    rhoNum[p] = null; // unaffordable for good
                    minDroppedCost = Math.min(minDroppedCost, election.scaledCost[p]);
                    continue;
                }
                int c = bestNum == null ? -1 : compare(rhoNum[p], rhoDen[p], bestNum, bestDen);
                if (c < 0) {
                    bestNum = rhoNum[p];
                    bestDen = rhoDen[p];
                    tied[0] = p;
                    tiedCount = 1;
                } else if (c == 0) {
                    tied[tiedCount++] = p;
                }
            }
            int winner = tiedCount == 0 ? -1 : breakTie(tied, tiedCount, unresolved);
            reorder(position, visitedCount, winner);
            return winner;
        }

        /**
         * One round of the fast path: finds the project of minimum ρ (ties broken as configured) without exact
         * arithmetic wherever a double enclosure decides. Every project whose enclosure may contain the minimum is
         * then evaluated exactly and compared exactly, so the winner and the tie set are those of the exact engine.
         *
         * @return the winner, or -1 when no candidate is affordable
         */
        private int fastRound(List<List<Integer>> unresolved) {
            round++;
            double bestHi = Double.POSITIVE_INFINITY;
            int visitedCount = 0;
            int position = 0;
            for (; position < orderSize; position++) {
                int p = order[position];
                if (rhoLow[p] > bestHi) {
                    break; // ρ(p) ≥ rhoLow(p) > bestHi ≥ the minimum: p cannot win or tie
                }
                visited[visitedCount++] = p;
                if (dropped[p]) {
                    continue; // found unaffordable by the screen
                }
                int verdict = fastEvaluate(p);
                if (verdict == UNKNOWN) {
                    exactFallbacks++;
                    verdict = exactEvaluate(p) ? AFFORDABLE : UNAFFORDABLE;
                } else {
                    fastEvaluations++;
                }
                if (verdict == UNAFFORDABLE) {
                    dropped[p] = true; // budgets only shrink: unaffordable for good
                    minDroppedCost = Math.min(minDroppedCost, election.scaledCost[p]);
                    continue;
                }
                rhoLow[p] = Math.max(rhoLow[p], evalLo[p]);
                if (evalHi[p] < bestHi) {
                    bestHi = evalHi[p];
                    if (certifiedRound[p] == round) {
                        keepGathered(p);
                    }
                }
            }
            // candidates: every affordable visited project whose enclosure reaches down to bestHi
            int candidateCount = 0;
            for (int i = 0; i < visitedCount; i++) {
                int p = visited[i];
                if (!dropped[p] && evalLo[p] <= bestHi) {
                    tied[candidateCount++] = p;
                }
            }
            int winner = -1;
            if (candidateCount > 0) {
                BigInteger bestNum = null;
                BigInteger bestDen = null;
                int tiedCount = 0;
                for (int i = 0; i < candidateCount; i++) {
                    int p = tied[i];
                    if (exactRound[p] != round) {
                        exactCandidates++;
                        if (!(certifiedRound[p] == round ? exactFromCut(p) : exactEvaluate(p))) {
                            throw new IllegalStateException("fast path certified an unaffordable project " + p);
                        }
                    }
                    int c = bestNum == null ? -1 : compare(rhoNum[p], rhoDen[p], bestNum, bestDen);
                    if (c < 0) {
                        bestNum = rhoNum[p];
                        bestDen = rhoDen[p];
                        tied[0] = p;
                        tiedCount = 1;
                    } else if (c == 0) {
                        tied[tiedCount++] = p;
                    }
                }
                winner = breakTie(tied, tiedCount, unresolved);
            }
            reorderFast(position, visitedCount, winner);
            return winner;
        }

        /**
         * Exact ρ of p from this round's certified enclosure tLow &lt; t &lt; tHigh of its payment t: every group
         * whose budget (± budgetError) lies below tLow pays all it has, every group above tHigh pays t, so
         * t = (cost − Σ_below w·b) / (k − Σ_below w) exactly, summing only the levels of the groups below. Falls back
         * to the full exact evaluation when a group's budget may lie in [tLow, tHigh].
         */
        private boolean exactFromCut(int p) {
            long weightBelow = 0;
            // a budget below `below` is certainly (exactly) below tLow, one above `above` certainly above tHigh:
            // |budget − exact| ≤ budgetError, and each threshold is moved out by two ulps past its rounded bound
            double below = Math.nextDown(Math.nextDown(tLow[p] - budgetError));
            double above = Math.nextUp(Math.nextUp(tHigh[p] + budgetError));
            boolean ambiguous = false;
            int[] supporters = utilities.supporters()[p];
            int n = supporters.length;
            double[] b;
            if (keptProject == p && keptRound == round) {
                b = kept; // no purchase since they were gathered
            } else {
                b = gatherBuffer(n);
                for (int i = 0; i < n; i++) {
                    b[i] = budget[supporters[i]];
                }
            }
            long[] weight = election.weight;
            touchedCount = 0;
            for (int i = 0; i < n; i++) {
                double a = b[i];
                if (a < below) {
                    int g = supporters[i];
                    addToLevel(g);
                    weightBelow += weight[g];
                } else if (!(a > above)) {
                    ambiguous = true;
                    break;
                }
            }
            BigInteger paidBelow = ambiguous ? null : weightedSum(touched, touchedCount);
            clearLevels();
            long k = supporterWeight[p] - weightBelow;
            if (ambiguous || k <= 0) {
                return exactEvaluate(p);
            }
            BigInteger rest = BigInteger.valueOf(election.scaledCost[p]).multiply(denominator).subtract(paidBelow);
            BigInteger kk = BigInteger.valueOf(k);
            evalX[p] = rest;
            evalDen[p] = kk;
            rhoNum[p] = rest;
            rhoDen[p] = kk.multiply(BigInteger.valueOf(utilities.unit()[p])).multiply(denominator);
            exactRound[p] = round;
            evalLo[p] = FloatBounds.lower(rhoNum[p], rhoDen[p]);
            evalHi[p] = FloatBounds.upper(rhoNum[p], rhoDen[p]);
            return true;
        }

        private long[] paymentCoefficient = new long[64];
        private int[] usedPayments = new int[64];
        private long[] rootWeight = new long[64];
        private int[] usedRoots = new int[64];

        /**
         * Σ levelWeight[l]·b_l over the given levels, exactly, over the current denominator, without materializing
         * them: a lazy level's value is its root's value minus the payments on its chain, so the sum is
         * Σ_roots W_r·b_r − Σ_payments c_j·P_j with integer coefficients — a few big-integer operations per purchase
         * instead of one per level.
         */
        private BigInteger weightedSum(int[] levels, int count) {
            if (paymentCoefficient.length < paymentCount) {
                paymentCoefficient = new long[Math.max(paymentCount, 2 * paymentCoefficient.length)];
                usedPayments = new int[paymentCoefficient.length];
            }
            if (rootWeight.length < levelCount) {
                rootWeight = new long[Math.max(levelCount, 2 * rootWeight.length)];
                usedRoots = new int[rootWeight.length];
            }
            int paymentsUsed = 0;
            int rootsUsed = 0;
            for (int i = 0; i < count; i++) {
                int level = levels[i];
                long w = levelWeight[level];
                if (level == 0 || w == 0) {
                    continue;
                }
                long step;
                while ((step = link[level]) >= 0) {
                    int j = (int) step;
                    if (paymentCoefficient[j] == 0) {
                        usedPayments[paymentsUsed++] = j;
                    }
                    paymentCoefficient[j] += w;
                    level = (int) (step >>> 32);
                }
                if (rootWeight[level] == 0) {
                    usedRoots[rootsUsed++] = level;
                }
                rootWeight[level] += w;
            }
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < rootsUsed; i++) {
                int root = usedRoots[i];
                sum = sum.add(valueOf(root).multiply(BigInteger.valueOf(rootWeight[root])));
                rootWeight[root] = 0;
            }
            for (int i = 0; i < paymentsUsed; i++) {
                int j = usedPayments[i];
                sum = sum.subtract(paymentAt(j).multiply(BigInteger.valueOf(paymentCoefficient[j])));
                paymentCoefficient[j] = 0;
            }
            return sum;
        }


        /** Exact evaluation of p, recorded as this round's; also tightens its double enclosure to the exact ρ. */
        private boolean exactEvaluate(int p) {
            if (!evaluate(p)) {
                return false;
            }
            exactRound[p] = round;
            evalLo[p] = FloatBounds.lower(rhoNum[p], rhoDen[p]);
            evalHi[p] = FloatBounds.upper(rhoNum[p], rhoDen[p]);
            return true;
        }

        private void reorderFast(int position, int visitedCount, int winner) {
            int remaining = orderSize - position;
            System.arraycopy(order, position, order, 0, remaining);
            orderSize = remaining;
            for (int i = 0; i < visitedCount; i++) {
                int p = visited[i];
                if (p == winner || dropped[p]) {
                    continue;
                }
                double key = rhoLow[p];
                int lo = 0;
                int hi = orderSize;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (rhoLow[order[mid]] <= key) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                System.arraycopy(order, lo, order, lo + 1, orderSize - lo);
                order[lo] = p;
                orderSize++;
            }
        }

        private static final int AFFORDABLE = 0;
        private static final int UNAFFORDABLE = 1;
        private static final int UNKNOWN = 2;
        private static final int KEY_BITS = 22;
        private static final long KEY_MASK = (1L << KEY_BITS) - 1;
        private static final double EXACT_LIMIT = 0x1p53;
        private static final long MARK_LOW = 0xFFFF_FFFFL;
        /** link[] of a root level: negative, parent -1. */
        private static final long ROOT = -1L;
        /** Newton's steps tried before the water level is found by sorting instead. */
        private static final int NEWTON_STEPS = 12;

        /**
         * Encloses ρ(p) in [evalLo, evalHi] with doubles only, or gives up (UNKNOWN) when the error bounds do not
         * decide. Let f(t) = Σ w_g·min(b_g, t) over the budgets b_g of p's supporter groups; ρ = t<sub>0</sub>/u where
         * f(t<sub>0</sub>) = cost. Newton's steps (or, failing them, water-filling in sorted order) only propose t̃; the enclosure is certified by evaluating f at t̃ ± η
         * with a rigorous error bound: f(lo) &lt; cost &lt; f(hi) implies lo &lt; t<sub>0</sub> &lt; hi, since f is
         * non-decreasing. Affordability (f(∞) ≥ cost) is decided the same way.
         */
        private int fastEvaluate(int p) {
            if (utilities.perSupporter()[p] != null) {
                return UNKNOWN;
            }
            long scaledCost = election.scaledCost[p];
            long unitUtility = utilities.unit()[p];
            if (scaledCost >= EXACT_LIMIT || unitUtility >= EXACT_LIMIT || supporterWeight[p] >= EXACT_LIMIT) {
                return UNKNOWN;
            }
            int[] supporters = utilities.supporters()[p];
            double[] weights = supporterWeights[p];
            int n = supporters.length;
            double[] b = gatherBuffer(n);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double a = budget[supporters[i]];
                b[i] = a;
                sum += weights[i] * a;
            }
            // rounding of a sum of n+1 non-negative products, relative to the computed sum, with margin
            double rounding = (n + 8) * 0x1p-52;
            double inputError = supporterWeight[p] * budgetError * (1 + rounding) * (1 + rounding);
            double cost = scaledCost;
            double sumError = (inputError + rounding * sum) * (1 + rounding);
            if (screening) {
                moneyHigh[p] = Math.min(moneyHigh[p], Math.nextUp(sum + sumError));
            }
            if (sum + sumError < cost) {
                return UNAFFORDABLE;
            }
            if (sum - sumError <= cost) {
                return UNKNOWN;
            }
            // the payment t solves f(t) = Σ w·min(b, t) = cost; f is concave and piecewise linear, so Newton's
            // steps from below (t' = (cost − Σ_{b<t} w·b) / Σ_{b≥t} w) rise to the solution without sorting
            double t = Math.max(0, rhoLow[p] * unitUtility * (1 - 0x1p-40));
            double kCut = 0;
            boolean converged = false;
            for (int iteration = 0; iteration < NEWTON_STEPS; iteration++) {
                double paid = 0;
                double k = 0;
                for (int i = 0; i < n; i++) {
                    double a = b[i];
                    double w = weights[i];
                    if (a < t) {
                        paid += w * a;
                    } else {
                        k += w;
                    }
                }
                if (!(k > 0)) {
                    break;
                }
                double next = (cost - paid) / k;
                kCut = k;
                if (!(next > t * (1 + 0x1p-44))) {
                    t = Math.max(t, next);
                    converged = true;
                    break;
                }
                t = next;
            }
            if (!converged) {
                WaterLevel level = sortedWaterLevel(b, weights, n, cost, supporterWeight[p]);
                t = level.t();
                kCut = level.weightAbove();
            }
            if (!(t > 0) || !(kCut > 0)) {
                return UNKNOWN;
            }
            double eta = 4 * (inputError + rounding * cost) / kCut + t * 0x1p-40;
            double low = Math.max(0, t - eta);
            double high = t + eta;
            double fLow = 0;
            double fHigh = 0;
            for (int i = 0; i < n; i++) {
                double w = weights[i];
                double a = b[i];
                fLow += w * Math.min(a, low);
                fHigh += w * Math.min(a, high);
            }
            // |min(a, x) − min(b, x)| ≤ |a − b|, so the input error is the same as for the full sum
            boolean lowBelow = low == 0 || fLow + (inputError + rounding * fLow) * (1 + rounding) < cost;
            boolean highAbove = fHigh - (inputError + rounding * fHigh) * (1 + rounding) > cost;
            if (!lowBelow || !highAbove) {
                return UNKNOWN;
            }
            double u = unitUtility;
            tLow[p] = low;
            tHigh[p] = high;
            certifiedRound[p] = round;
            evalLo[p] = Math.nextDown(low / u);
            evalHi[p] = Math.nextUp(high / u);
            return AFFORDABLE;
        }

        /** The link of a level created from {@code parent} by payment {@code payment}. */
        private static long linkTo(int parent, int payment) {
            return (long) parent << 32 | (payment & 0xFFFF_FFFFL);
        }

        /** The scratch buffer for gathered budgets, with room for n. */
        private double[] gatherBuffer(int n) {
            if (gathered.length < n) {
                gathered = new double[Math.max(n, 2 * gathered.length)];
            }
            return gathered;
        }

        /** Keeps the budgets just gathered for p (swapping the scratch buffers). */
        private void keepGathered(int p) {
            double[] spare = kept;
            kept = gathered;
            gathered = spare;
            keptProject = p;
            keptRound = round;
        }

        /** A proposed water level t and the weight of the supporters at or above it (NaN and 0 if none). */
        private record WaterLevel(double t, double weightAbove) {
            static final WaterLevel NONE = new WaterLevel(Double.NaN, 0);
        }

        /**
         * The double water level by sorting the budgets (when Newton's steps are slow to settle): walks up the
         * budgets in ascending order until the rest of the cost fits under the next one. Only a proposal; the
         * caller certifies it.
         */
        private WaterLevel sortedWaterLevel(double[] b, double[] weights, int n, double cost, long totalWeight) {
            if (n > KEY_MASK) {
                return WaterLevel.NONE;
            }
            if (sortKeys.length < n) {
                sortKeys = new long[Math.max(n, 2 * sortKeys.length)];
            }
            for (int i = 0; i < n; i++) {
                sortKeys[i] = (Double.doubleToRawLongBits(b[i]) & ~KEY_MASK) | i;
            }
            Arrays.sort(sortKeys, 0, n);
            double paid = 0;
            double k = totalWeight;
            for (int i = 0; i < n; i++) {
                int index = (int) (sortKeys[i] & KEY_MASK);
                double a = b[index];
                double rest = cost - paid;
                if (rest <= a * k) {
                    return new WaterLevel(rest / k, k);
                }
                double w = weights[index];
                paid += w * a;
                k -= w;
            }
            return WaterLevel.NONE;
        }

        /** Moves the visited prefix back into the order, sorted by the updated ρ; drops the winner and the unaffordable. */
        private void reorder(int position, int visitedCount, int winner) {
            int remaining = orderSize - position;
            System.arraycopy(order, position, order, 0, remaining);
            orderSize = remaining;
            for (int i = 0; i < visitedCount; i++) {
                int p = visited[i];
                if (p == winner || rhoNum[p] == null) {
                    continue;
                }
                int lo = 0;
                int hi = orderSize;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    int q = order[mid];
                    if (compare(rhoNum[q], rhoDen[q], rhoNum[p], rhoDen[p]) <= 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                System.arraycopy(order, lo, order, lo + 1, orderSize - lo);
                order[lo] = p;
                orderSize++;
            }
        }

        private int breakTie(int[] tiedProjects, int count, List<List<Integer>> unresolved) {
            int best = tiedProjects[0];
            boolean unresolvedTie = false;
            for (int i = 1; i < count; i++) {
                int p = tiedProjects[i];
                if (tieBreaking == TieBreaking.LEXICOGRAPHIC) {
                    if (election.lexRank[p] < election.lexRank[best]) {
                        best = p;
                    }
                    continue;
                }
                int c = Long.compare(election.scaledCost[p], election.scaledCost[best]);
                if (c == 0) {
                    c = -Long.compare(election.approvals[p], election.approvals[best]);
                }
                if (c == 0) {
                    c = Integer.compare(election.lexRank[p], election.lexRank[best]);
                }
                if (c < 0) {
                    best = p;
                }
            }
            if (tieBreaking == TieBreaking.MIN_COST_THEN_MAX_APPROVALS) {
                List<Integer> still = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int p = tiedProjects[i];
                    if (election.scaledCost[p] == election.scaledCost[best]
                            && election.approvals[p] == election.approvals[best]) {
                        still.add(p);
                    }
                }
                unresolvedTie = still.size() > 1;
                if (unresolvedTie) {
                    still.sort((a, b) -> Integer.compare(election.lexRank[a], election.lexRank[b]));
                    unresolved.add(List.copyOf(still));
                }
            }
            return best;
        }

        /** Computes ρ of p into rhoNum/rhoDen and evalX/evalDen; false when its supporters cannot afford it. */
        private boolean evaluate(int p) {
            return utilities.perSupporter()[p] == null ? evaluateUniform(p) : evaluateWeighted(p);
        }

        /** The value of a level over the current denominator, rescaling it first if it is from an older epoch. */
        private BigInteger valueOf(int level) {
            int current = epochDenominator.size() - 1;
            if (value[level] == null) {
                // materialize: parent − payment, both over the current denominator (chain ≤ one step per purchase)
                long step = link[level];
                value[level] = valueOf((int) (step >>> 32)).subtract(paymentAt((int) step));
                epochOf[level] = current;
                return value[level];
            }
            int epoch = epochOf[level];
            if (epoch != current && level != 0) {
                value[level] = value[level].multiply(ratioFrom(epoch));
                epochOf[level] = current;
            }
            return value[level];
        }

        private BigInteger ratioFrom(int epoch) {
            BigInteger ratio = ratioToCurrent[epoch];
            if (ratio == null) {
                ratio = denominator.divide(epochDenominator.get(epoch));
                ratioToCurrent[epoch] = ratio;
            }
            return ratio;
        }

        private BigInteger paymentAt(int j) {
            int current = epochDenominator.size() - 1;
            if (paymentEpoch[j] != current) {
                paymentValue[j] = paymentValue[j].multiply(ratioFrom(paymentEpoch[j]));
                paymentEpoch[j] = current;
            }
            return paymentValue[j];
        }

        /** Adds group g's weight to its level, listing the level in touched the first time. */
        private void addToLevel(int g) {
            int level = levelOf[g];
            if (levelWeight[level] == 0) {
                touched[touchedCount++] = level;
            }
            levelWeight[level] += election.weight[g];
        }

        /** The levels of p's supporters in touched, with their weights in levelWeight (cleared by clearLevels). */
        private void collectTouched(int p) {
            touchedCount = 0;
            for (int g : utilities.supporters()[p]) {
                addToLevel(g);
            }
        }

        private void collectLevels(int p) {
            collectTouched(p);
            for (int i = 0; i < touchedCount; i++) {
                valueOf(touched[i]);
            }
            sortTouchedByValue();
        }

        private void clearLevels() {
            for (int i = 0; i < touchedCount; i++) {
                levelWeight[touched[i]] = 0;
            }
        }

        private void sortTouchedByValue() {
            if (touchedCount <= 1) {
                return;
            }
            if (touchedCount <= 24) {
                for (int i = 1; i < touchedCount; i++) {
                    int level = touched[i];
                    BigInteger v = value[level];
                    int j = i - 1;
                    while (j >= 0 && value[touched[j]].compareTo(v) > 0) {
                        touched[j + 1] = touched[j];
                        j--;
                    }
                    touched[j + 1] = level;
                }
                return;
            }
            Integer[] boxed = new Integer[touchedCount];
            for (int i = 0; i < touchedCount; i++) {
                boxed[i] = touched[i];
            }
            Arrays.sort(boxed, (a, b) -> value[a].compareTo(value[b]));
            for (int i = 0; i < touchedCount; i++) {
                touched[i] = boxed[i];
            }
        }

        private boolean evaluateUniform(int p) {
            collectLevels(p);
            BigInteger costD = BigInteger.valueOf(election.scaledCost[p]).multiply(denominator);
            BigInteger paid = BigInteger.ZERO;
            long k = supporterWeight[p];
            boolean found = false;
            for (int i = 0; i < touchedCount; i++) {
                int level = touched[i];
                BigInteger rest = costD.subtract(paid);
                BigInteger v = value[level];
                if (rest.compareTo(v.multiply(BigInteger.valueOf(k))) <= 0) {
                    BigInteger kk = BigInteger.valueOf(k);
                    evalX[p] = rest;
                    evalDen[p] = kk;
                    rhoNum[p] = rest;
                    rhoDen[p] = kk.multiply(BigInteger.valueOf(utilities.unit()[p])).multiply(denominator);
                    found = true;
                    break;
                }
                long w = levelWeight[level];
                paid = paid.add(v.multiply(BigInteger.valueOf(w)));
                k -= w;
            }
            clearLevels();
            return found;
        }

        private void collectEntries(int p) {
            int[] supporters = utilities.supporters()[p];
            long[] utils = utilities.perSupporter()[p];
            entrySlot.clear();
            entryCount = 0;
            for (int i = 0; i < supporters.length; i++) {
                int g = supporters[i];
                entryWeight[slotOf(levelOf[g], utils[i])] += election.weight[g];
            }
            if (entryOrder.length < entryCount) {
                entryOrder = new Integer[Math.max(entryCount, 2 * entryOrder.length)];
            }
            for (int i = 0; i < entryCount; i++) {
                entryOrder[i] = i;
                valueOf(entryLevel[i]);
            }
            Arrays.sort(entryOrder, 0, entryCount, (a, b) -> value[entryLevel[a]]
                    .multiply(BigInteger.valueOf(entryUtility[b]))
                    .compareTo(value[entryLevel[b]].multiply(BigInteger.valueOf(entryUtility[a]))));
        }

        /** The entry of (level, utility), created with weight 0 if new. */
        private int slotOf(int level, long utility) {
            EntryKey key = new EntryKey(level, utility);
            Integer slot = entrySlot.get(key);
            if (slot != null) {
                return slot;
            }
            if (entryCount == entryLevel.length) {
                entryLevel = Arrays.copyOf(entryLevel, entryCount * 2);
                entryUtility = Arrays.copyOf(entryUtility, entryCount * 2);
                entryWeight = Arrays.copyOf(entryWeight, entryCount * 2);
            }
            entryLevel[entryCount] = level;
            entryUtility[entryCount] = utility;
            entryWeight[entryCount] = 0;
            entrySlot.put(key, entryCount);
            return entryCount++;
        }

        private boolean evaluateWeighted(int p) {
            collectEntries(p);
            BigInteger costD = BigInteger.valueOf(election.scaledCost[p]).multiply(denominator);
            BigInteger paid = BigInteger.ZERO;
            BigInteger denom = utilities.total()[p];
            for (int i = 0; i < entryCount; i++) {
                int e = entryOrder[i];
                BigInteger v = value[entryLevel[e]];
                BigInteger u = BigInteger.valueOf(entryUtility[e]);
                BigInteger rest = costD.subtract(paid);
                if (rest.multiply(u).compareTo(denom.multiply(v)) <= 0) {
                    evalX[p] = rest;
                    evalDen[p] = denom;
                    rhoNum[p] = rest;
                    rhoDen[p] = denom.multiply(denominator);
                    return true;
                }
                BigInteger w = BigInteger.valueOf(entryWeight[e]);
                paid = paid.add(v.multiply(w));
                denom = denom.subtract(u.multiply(w));
            }
            return false;
        }

        /** Charges the supporters of p for it and returns the purchase details when traced. */
        private Paid buy(int p, int step, boolean trace) {
            BigInteger x = evalX[p];
            BigInteger den = evalDen[p];
            BigInteger gcd = x.gcd(den);
            BigInteger rescale = den.divide(gcd);
            BigInteger unitPayment = x.divide(gcd);
            if (!rescale.equals(BigInteger.ONE)) {
                denominator = denominator.multiply(rescale);
                epochDenominator.add(denominator);
                int epochs = epochDenominator.size();
                if (ratioToCurrent.length < epochs) {
                    ratioToCurrent = new BigInteger[2 * epochs];
                } else {
                    Arrays.fill(ratioToCurrent, 0, epochs, null);
                }
            }
            return utilities.perSupporter()[p] == null
                    ? buyUniform(p, step, unitPayment, trace)
                    : buyWeighted(p, step, unitPayment, trace);
        }

        /**
         * One pass over p's supporters: the first group met at a level decides that level's fate (it pays all it
         * has and drops to level 0, or pays the payment and moves to one new lazy level), the others follow.
         */
        private Paid buyUniform(int p, int step, BigInteger payment, boolean trace) {
            int[] supporters = utilities.supporters()[p];
            ensureLevelCapacity(levelCount + supporters.length);
            long less = 0;
            long full = 0;
            double paymentApprox = FloatBounds.approx(payment, denominator);
            double paymentError = paymentApprox * FloatBounds.REL;
            double paymentLow = FloatBounds.lower(payment, denominator);
            double paymentHigh = FloatBounds.upper(payment, denominator);
            if (paymentCount == paymentValue.length) {
                paymentValue = Arrays.copyOf(paymentValue, 2 * paymentCount);
                paymentEpoch = Arrays.copyOf(paymentEpoch, 2 * paymentCount);
            }
            int paymentIndex = paymentCount++;
            paymentValue[paymentIndex] = payment;
            paymentEpoch[paymentIndex] = epochDenominator.size() - 1;
            long stamp = ++purchaseStamp << 32;
            double e = budgetError;
            long[] weight = election.weight;
            for (int g : supporters) {
                int level = levelOf[g];
                if (level == 0) {
                    // nothing left: pays nothing, stays (its budget is exactly 0)
                    if (trace) {
                        less += weight[g];
                    }
                    continue;
                }
                double a = budget[g];
                long mark = levelMark[level];
                if ((mark & ~MARK_LOW) != stamp) {
                    int c;
                    if (fastPath && Math.nextUp(a + e) < paymentLow) {
                        c = -1; // certainly below the payment
                    } else if (fastPath && Math.nextDown(a - e) > paymentHigh) {
                        c = 1; // certainly above
                    } else {
                        c = valueOf(level).compareTo(payment);
                    }
                    int target = 0;
                    if (c > 0) {
                        target = levelCount++; // value[target] is null: lazy (see reset and compaction)
                        link[target] = linkTo(level, paymentIndex);
                    }
                    mark = stamp | ((long) target << 2) | (c < 0 ? 1 : 0);
                    levelMark[level] = mark;
                }
                int fresh = (int) ((mark & MARK_LOW) >>> 2);
                levelOf[g] = fresh;
                budget[g] = fresh == 0 ? 0 : Math.max(0, a - paymentApprox);
                if (screening) {
                    charge(g, fresh == 0 ? Math.max(0, a - e) : paymentLow);
                }
                if (trace) {
                    if ((mark & 1) != 0) {
                        less += weight[g];
                    } else {
                        full += weight[g];
                    }
                }
            }
            if (screening) {
                applyCharges(supporters.length);
            }
            raiseBudgetError(paymentApprox, paymentError);
            compactIfNeeded();
            return trace ? new Paid(step, payment, denominator, full, less) : null;
        }

        /**
         * After a purchase: every group that paid {@code share} (approximately {@code shareApprox}, within
         * {@code shareError}) had |budget − exact| ≤ budgetError before; the rounded subtraction adds at most one
         * ulp of the larger operand, and no budget exceeds the endowment. Groups that paid all they had are exact
         * (zero), the others unchanged.
         */
        private void raiseBudgetError(double shareApprox, double shareError) {
            budgetError = (budgetError + shareError + Math.ulp(Math.max(endowmentApprox, shareApprox)))
                    * (1 + 0x1p-50);
        }

        private Paid buyWeighted(int p, int step, BigInteger unitPayment, boolean trace) {
            collectEntries(p);
            ensureLevelCapacity(levelCount + entryCount);
            int[] target = new int[entryCount];
            double unitApprox = FloatBounds.approx(unitPayment, denominator);
            BigInteger maxPaid = BigInteger.ZERO;
            BigInteger[] paid = new BigInteger[entryCount];
            double maxShareApprox = 0;
            for (int e = 0; e < entryCount; e++) {
                BigInteger v = valueOf(entryLevel[e]);
                BigInteger share = unitPayment.multiply(BigInteger.valueOf(entryUtility[e]));
                if (v.compareTo(share) <= 0) {
                    target[e] = 0;
                    paid[e] = v;
                } else {
                    int fresh = levelCount++;
                    value[fresh] = v.subtract(share);
                    epochOf[fresh] = epochDenominator.size() - 1;
                    link[fresh] = ROOT;
                    target[e] = fresh;
                    maxShareApprox = Math.max(maxShareApprox, unitApprox * entryUtility[e]);
                    paid[e] = share;
                }
                maxPaid = maxPaid.max(paid[e]);
            }
            long less = 0;
            long full = 0;
            for (int e = 0; e < entryCount; e++) {
                if (paid[e].compareTo(maxPaid) < 0) {
                    less += entryWeight[e];
                } else {
                    full += entryWeight[e];
                }
            }
            int[] supporters = utilities.supporters()[p];
            long[] utils = utilities.perSupporter()[p];
            double unitLow = screening ? FloatBounds.lower(unitPayment, denominator) : 0;
            double e = budgetError;
            for (int i = 0; i < supporters.length; i++) {
                int g = supporters[i];
                int fresh = target[entrySlot.get(new EntryKey(levelOf[g], utils[i]))];
                if (screening) {
                    charge(g, fresh == 0 ? Math.max(0, budget[g] - e) : unitLow * utils[i]);
                }
                levelOf[g] = fresh;
                budget[g] = fresh == 0 ? 0 : Math.max(0, budget[g] - unitApprox * utils[i]);
            }
            if (screening) {
                applyCharges(supporters.length);
            }
            raiseBudgetError(maxShareApprox, maxShareApprox * (2 * FloatBounds.REL));
            compactIfNeeded();
            return trace ? new Paid(step, maxPaid, denominator, full, less) : null;
        }

        private void ensureLevelCapacity(int needed) {
            if (needed >= 1 << 30) {
                throw new IllegalStateException("more budget levels than a level mark can name: " + needed);
            }
            if (needed > value.length) {
                int size = Math.max(needed, value.length * 2);
                value = Arrays.copyOf(value, size);
                levelWeight = Arrays.copyOf(levelWeight, size);
                touched = Arrays.copyOf(touched, size);
                epochOf = Arrays.copyOf(epochOf, size);
                levelMark = Arrays.copyOf(levelMark, size);
                link = Arrays.copyOf(link, size);
            }
        }

        /** Drops levels no group uses any more, so rescaling stays proportional to the live levels. */
        private int[] remap = new int[0];
        private int[] oldLevel = new int[0];
        private BigInteger[] keptValue = new BigInteger[0];
        private int[] keptEpoch = new int[0];
        private long[] keptLink = new long[0];
        /** The spare value array holds nulls from this index on. */
        private int keptValueCount;

        private void compactIfNeeded() {
            if (levelCount < compactionThreshold) {
                return;
            }
            compactions++;
            // live levels: those of some group, and the ancestors their lazy values refer to; numbered in the order
            // groups meet them, so that passes over a project's supporters (in group order) read level data nearly
            // in sequence instead of at random
            if (remap.length < levelCount) {
                remap = new int[value.length];
                oldLevel = new int[value.length];
            }
            if (keptValue.length != value.length) {
                keptValueCount = 0;
                keptValue = new BigInteger[value.length];
                keptEpoch = new int[value.length];
                keptLink = new long[value.length];
            }
            Arrays.fill(remap, 0, levelCount, -1);
            remap[0] = 0;
            int live = 1;
            for (int g = 0; g < levelOf.length; g++) {
                int level = levelOf[g];
                while (level > 0 && remap[level] == -1) {
                    remap[level] = live;
                    oldLevel[live++] = level;
                    long step = link[level];
                    level = step < 0 ? -1 : (int) (step >>> 32);
                }
                levelOf[g] = remap[levelOf[g]];
            }
            BigInteger[] kept = keptValue;
            int[] epochs = keptEpoch;
            long[] links = keptLink;
            kept[0] = BigInteger.ZERO;
            epochs[0] = 0;
            links[0] = ROOT;
            for (int level = 1; level < live; level++) {
                int old = oldLevel[level];
                epochs[level] = epochOf[old];
                long step = link[old];
                links[level] = step < 0 ? ROOT : linkTo(remap[(int) (step >>> 32)], (int) step);
                kept[level] = value[old];
            }
            if (keptValueCount > live) {
                Arrays.fill(kept, live, keptValueCount, null); // beyond its old count the spare holds only nulls
            }
            keptValueCount = levelCount;
            // the old arrays become the spares of the next compaction
            keptValue = value;
            keptEpoch = epochOf;
            keptLink = link;
            value = kept;
            epochOf = epochs;
            link = links;
            levelCount = live;
            compactionThreshold = Math.max(minCompaction, 4 * live);
        }

        /** What the supporters of each candidate that was not bought hold at the end (to explain why not). */
        private Map<Integer, Rational> supporterFunds(int[] selected, int selectedCount) {
            boolean[] bought = new boolean[election.projectCount];
            for (int i = 0; i < selectedCount; i++) {
                bought[selected[i]] = true;
            }
            Map<Integer, Rational> funds = new HashMap<>();
            for (int p : initialOrder) {
                if (bought[p]) {
                    continue;
                }
                collectTouched(p);
                BigInteger sum = weightedSum(touched, touchedCount);
                clearLevels();
                funds.put(p, election.money(sum, denominator));
            }
            return funds;
        }
    }
}
