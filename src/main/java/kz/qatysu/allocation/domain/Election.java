package kz.qatysu.allocation.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * An instance compiled for fast, exact computation: identical ballots merged into weighted groups, money scaled to
 * integers, supporter lists per project. Immutable and safe to share between threads.
 */
final class Election {

    final Instance instance;
    final int projectCount;
    final String[] ids;
    /** Rank of each project in string order of ids (0 = smallest); the pabutools tie-breaking order. */
    final int[] lexRank;
    final Rational[] cost;
    /** cost × moneyScale, exact integers. */
    final long[] scaledCost;
    final long moneyScale;
    final long scaledBudget;
    /** Number of voters n (sum of group weights, empty ballots included). */
    final long voters;

    final int groupCount;
    final long[] weight;
    /** Per group: the project indices of its ballot, ascending. */
    final int[][] groupProjects;
    /** Per group: points × pointScale per entry of groupProjects, or null for ballots without points. */
    final long[][] groupPoints;
    final long pointScale;

    /** Per project: indices of the groups whose ballot lists it, ascending. */
    final int[][] approvers;
    /** Per project: number of voters whose ballot lists it. */
    final long[] approvals;

    private final Map<Satisfaction, Utilities> utilities = new EnumMap<>(Satisfaction.class);

    private Election(Instance instance) {
        this.instance = instance;
        List<Project> projects = instance.projects();
        projectCount = projects.size();
        ids = new String[projectCount];
        cost = new Rational[projectCount];
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < projectCount; p++) {
            ids[p] = projects.get(p).id();
            cost[p] = projects.get(p).cost();
            index.put(ids[p], p);
        }
        Integer[] byId = new Integer[projectCount];
        for (int p = 0; p < projectCount; p++) {
            byId[p] = p;
        }
        Arrays.sort(byId, Comparator.comparing(p -> ids[p]));
        lexRank = new int[projectCount];
        for (int r = 0; r < projectCount; r++) {
            lexRank[byId[r]] = r;
        }

        int moneyDigits = decimalDigits(instance.budget());
        for (Rational c : cost) {
            moneyDigits = Math.max(moneyDigits, decimalDigits(c));
        }
        moneyScale = BigInteger.TEN.pow(moneyDigits).longValueExact();
        scaledCost = new long[projectCount];
        for (int p = 0; p < projectCount; p++) {
            scaledCost[p] = scale(cost[p], moneyScale);
        }
        scaledBudget = scale(instance.budget(), moneyScale);

        boolean withPoints = instance.voteType().hasPoints();
        int pointDigits = 0;
        if (withPoints) {
            for (Ballot ballot : instance.ballots()) {
                for (Rational point : ballot.points()) {
                    pointDigits = Math.max(pointDigits, decimalDigits(point));
                }
            }
        }
        pointScale = BigInteger.TEN.pow(pointDigits).longValueExact();

        Map<GroupKey, Integer> groups = new HashMap<>();
        List<int[]> projectsOfGroup = new ArrayList<>();
        List<long[]> pointsOfGroup = new ArrayList<>();
        long[] weights = new long[16];
        if (!withPoints) {
            // approval-like ballots: sorted int arrays, merged through a primitive open-addressing table
            // (the ids of large rounds are looked up and sorted on all cores; merging stays in ballot order)
            ArrayMerger merger = new ArrayMerger();
            List<Ballot> ballots = instance.ballots();
            int[][] sorted = new int[ballots.size()][];
            IntStream.range(0, ballots.size()).parallel().forEach(b -> {
                List<String> listed = ballots.get(b).projectIds();
                int size = listed.size();
                int[] ps = new int[size];
                for (int i = 0; i < size; i++) {
                    ps[i] = index.get(listed.get(i));
                }
                Arrays.sort(ps);
                sorted[b] = ps;
            });
            for (int b = 0; b < sorted.length; b++) {
                int[] ps = sorted[b];
                sorted[b] = null;
                int group = merger.groupOf(ps, projectsOfGroup);
                if (group == projectsOfGroup.size()) {
                    projectsOfGroup.add(ps);
                    pointsOfGroup.add(null);
                    if (group == weights.length) {
                        weights = Arrays.copyOf(weights, weights.length * 2);
                    }
                }
                weights[group]++;
            }
        }
        for (Ballot ballot : withPoints ? instance.ballots() : List.<Ballot>of()) {
            int size = ballot.projectIds().size();
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                long p = index.get(ballot.projectIds().get(i));
                long point = withPoints ? scale(ballot.points().get(i), pointScale) : 0;
                if (point < 0) {
                    throw new RuleNotApplicableException("negative points are not supported by the allocation rules");
                }
                packed[i] = p;
            }
            int[] ps = new int[size];
            long[] pts = withPoints ? new long[size] : null;
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingLong(i -> packed[i]));
            for (int i = 0; i < size; i++) {
                ps[i] = (int) packed[order[i]];
                if (withPoints) {
                    pts[i] = scale(ballot.points().get(order[i]), pointScale);
                }
            }
            GroupKey key = new GroupKey(ps, pts);
            Integer group = groups.get(key);
            if (group == null) {
                group = projectsOfGroup.size();
                groups.put(key, group);
                projectsOfGroup.add(ps);
                pointsOfGroup.add(pts);
                if (group == weights.length) {
                    weights = Arrays.copyOf(weights, weights.length * 2);
                }
            }
            weights[group]++;
        }
        groupCount = projectsOfGroup.size();
        weight = Arrays.copyOf(weights, groupCount);
        groupProjects = projectsOfGroup.toArray(new int[0][]);
        groupPoints = withPoints ? pointsOfGroup.toArray(new long[0][]) : null;
        voters = instance.ballots().size();

        int[] counts = new int[projectCount];
        for (int[] ps : groupProjects) {
            for (int p : ps) {
                counts[p]++;
            }
        }
        approvers = new int[projectCount][];
        for (int p = 0; p < projectCount; p++) {
            approvers[p] = new int[counts[p]];
        }
        int[] fill = new int[projectCount];
        approvals = new long[projectCount];
        for (int g = 0; g < groupCount; g++) {
            for (int p : groupProjects[g]) {
                approvers[p][fill[p]++] = g;
                approvals[p] += weight[g];
            }
        }
    }

    static Election compile(Instance instance) {
        return new Election(instance);
    }

    private static int decimalDigits(Rational value) {
        if (!value.hasFiniteDecimalExpansion()) {
            throw new IllegalArgumentException("not a decimal number: " + value);
        }
        BigDecimal decimal = value.toBigDecimalExact().stripTrailingZeros();
        return Math.max(0, decimal.scale());
    }

    private static long scale(Rational value, long scale) {
        Rational scaled = value.multiply(scale);
        if (!scaled.isInteger()) {
            throw new IllegalStateException("scaling did not give an integer: " + value);
        }
        return scaled.numerator().longValueExact();
    }

    Rational money(BigInteger scaledNumerator, BigInteger denominator) {
        return Rational.of(scaledNumerator, denominator.multiply(BigInteger.valueOf(moneyScale)));
    }

    Rational money(long scaled) {
        return Rational.of(scaled, moneyScale);
    }

    int indexOf(String id) {
        for (int p = 0; p < projectCount; p++) {
            if (ids[p].equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown project " + id);
    }

    long totalScaledCost(int[] projects, int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total = Math.addExact(total, scaledCost[projects[i]]);
        }
        return total;
    }

    /** The supporters and utilities of every project under a satisfaction measure; computed once and cached. */
    synchronized Utilities utilities(Satisfaction satisfaction) {
        return utilities.computeIfAbsent(satisfaction, this::computeUtilities);
    }

    private Utilities computeUtilities(Satisfaction satisfaction) {
        if (satisfaction.needsPoints() && groupPoints == null) {
            throw new RuleNotApplicableException("satisfaction " + satisfaction + " needs cumulative or scoring ballots, "
                    + "this election has " + instance.voteType().pabulibName() + " ballots");
        }
        int[][] supporters = new int[projectCount][];
        long[][] perSupporter = new long[projectCount][];
        long[] unit = new long[projectCount];
        BigInteger[] total = new BigInteger[projectCount];
        for (int p = 0; p < projectCount; p++) {
            int[] listed = approvers[p];
            int[] sup = new int[listed.length];
            long[] util = new long[listed.length];
            int count = 0;
            boolean uniform = true;
            BigInteger sum = BigInteger.ZERO;
            long uniformWeight = 0;
            for (int g : listed) {
                long u = utility(satisfaction, g, p);
                if (u > 0) {
                    sup[count] = g;
                    util[count] = u;
                    if (count > 0 && util[0] != u) {
                        uniform = false;
                    }
                    count++;
                    uniformWeight += weight[g];
                }
            }
            if (uniform) {
                sum = BigInteger.valueOf(uniformWeight).multiply(BigInteger.valueOf(count == 0 ? 0 : util[0]));
            } else {
                for (int i = 0; i < count; i++) {
                    sum = sum.add(BigInteger.valueOf(util[i]).multiply(BigInteger.valueOf(weight[sup[i]])));
                }
            }
            supporters[p] = Arrays.copyOf(sup, count);
            unit[p] = count == 0 ? 0 : util[0];
            perSupporter[p] = uniform ? null : Arrays.copyOf(util, count);
            total[p] = sum;
        }
        return new Utilities(satisfaction, supporters, perSupporter, unit, total);
    }

    private long utility(Satisfaction satisfaction, int group, int project) {
        return switch (satisfaction) {
            case COST -> scaledCost[project];
            case CARDINALITY -> 1;
            case POINTS -> pointOf(group, project);
            case POINTS_COST -> Math.multiplyExact(pointOf(group, project), scaledCost[project]);
        };
    }

    private long pointOf(int group, int project) {
        int position = Arrays.binarySearch(groupProjects[group], project);
        return groupPoints[group][position];
    }

    /**
     * Supporters (utility > 0) and utilities of each project.
     *
     * @param perSupporter null for a project whose supporters all have the same utility {@code unit[p]}
     */
    record Utilities(Satisfaction satisfaction, int[][] supporters, long[][] perSupporter, long[] unit,
                     BigInteger[] total) {

        long utilityOf(int project, int supporterPosition) {
            long[] u = perSupporter[project];
            return u == null ? unit[project] : u[supporterPosition];
        }
    }

    /**
     * Numbers distinct sorted int arrays in order of first occurrence (open addressing, linear probing; the same
     * numbering as a HashMap keyed by the array contents would give).
     */
    private static final class ArrayMerger {
        private int[] slots = new int[1 << 12]; // group + 1, 0 = empty
        private int[] hashes = new int[1 << 12];
        private int size;

        int groupOf(int[] key, List<int[]> groups) {
            int hash = mix(Arrays.hashCode(key));
            int mask = slots.length - 1;
            int i = hash & mask;
            while (slots[i] != 0) {
                if (hashes[i] == hash && Arrays.equals(groups.get(slots[i] - 1), key)) {
                    return slots[i] - 1;
                }
                i = (i + 1) & mask;
            }
            int group = groups.size();
            slots[i] = group + 1;
            hashes[i] = hash;
            if (++size * 2 > slots.length) {
                grow();
            }
            return group;
        }

        private void grow() {
            int[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new int[oldSlots.length * 2];
            hashes = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != 0) {
                    int i = oldHashes[j] & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = oldSlots[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }

        private static int mix(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    private record GroupKey(int[] projects, long[] points) {
        @Override
        public boolean equals(Object o) {
            return o instanceof GroupKey k && Arrays.equals(projects, k.projects) && Arrays.equals(points, k.points);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(projects) + Arrays.hashCode(points);
        }
    }
}
