package kz.qatysu.allocation.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.VoteType;

/**
 * A seeded synthetic approval round shaped like large city elections: Zipf-like project popularity, mostly 1–5 picks
 * per ballot with a tail up to 20, costs log-uniform between 20,000 and 2,000,000 (rounded to 1,000), budget 30% of
 * the total cost.
 */
public final class SyntheticRound {

    /** Share of ballots with 1, 2, ..., 20 picks (sums to 1). */
    private static final double[] LENGTH_SHARE = lengthShares();

    private SyntheticRound() {
    }

    private static double[] lengthShares() {
        double[] share = new double[20];
        double[] head = {0.24, 0.20, 0.18, 0.12, 0.10};
        System.arraycopy(head, 0, share, 0, head.length);
        double tail = 1 - Arrays.stream(head).sum();
        double norm = 0;
        for (int k = 6; k <= 20; k++) {
            norm += 1.0 / (k * k);
        }
        for (int k = 6; k <= 20; k++) {
            share[k - 1] = tail / (k * k) / norm;
        }
        return share;
    }

    public static Instance generate(int ballots, int projects, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Project> projectList = new ArrayList<>(projects);
        String[] ids = new String[projects];
        long totalCost = 0;
        for (int p = 0; p < projects; p++) {
            ids[p] = "P" + (p + 1);
            double logCost = Math.log(20_000) + random.nextDouble() * (Math.log(2_000_000) - Math.log(20_000));
            long cost = Math.round(Math.exp(logCost) / 1000.0) * 1000;
            totalCost += cost;
            projectList.add(new Project(ids[p], Rational.of(cost), Map.of("name", "Synthetic project " + (p + 1))));
        }
        // Zipf-like popularity with exponent 0.9, in a shuffled project order
        double[] cumulative = new double[projects];
        int[] rankToProject = new int[projects];
        for (int p = 0; p < projects; p++) {
            rankToProject[p] = p;
        }
        for (int i = projects - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = rankToProject[i];
            rankToProject[i] = rankToProject[j];
            rankToProject[j] = t;
        }
        double sum = 0;
        for (int r = 0; r < projects; r++) {
            sum += 1.0 / Math.pow(r + 1, 0.9);
            cumulative[r] = sum;
        }
        List<Ballot> ballotList = new ArrayList<>(ballots);
        boolean[] chosen = new boolean[projects];
        for (int v = 0; v < ballots; v++) {
            int length = sampleLength(random);
            List<String> vote = new ArrayList<>(length);
            int[] picked = new int[length];
            for (int i = 0; i < length; i++) {
                int project;
                do {
                    double u = random.nextDouble() * sum;
                    int rank = Arrays.binarySearch(cumulative, u);
                    rank = rank >= 0 ? rank : -rank - 1;
                    project = rankToProject[Math.min(rank, projects - 1)];
                } while (chosen[project]);
                chosen[project] = true;
                picked[i] = project;
                vote.add(ids[project]);
            }
            for (int p : picked) {
                chosen[p] = false;
            }
            ballotList.add(new Ballot(vote, List.of(), null, null));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", "Synthetic round, seed " + seed);
        meta.put("num_projects", Integer.toString(projects));
        meta.put("num_votes", Integer.toString(ballots));
        long budget = totalCost * 3 / 10;
        meta.put("budget", Long.toString(budget));
        meta.put("vote_type", "approval");
        meta.put("rule", "equalshares/add1");
        meta.put("experimental", "1");
        return new Instance(meta, Rational.of(budget), VoteType.APPROVAL, projectList, ballotList);
    }

    private static int sampleLength(SplittableRandom random) {
        double u = random.nextDouble();
        double acc = 0;
        for (int k = 0; k < LENGTH_SHARE.length; k++) {
            acc += LENGTH_SHARE[k];
            if (u < acc) {
                return k + 1;
            }
        }
        return LENGTH_SHARE.length;
    }
}
