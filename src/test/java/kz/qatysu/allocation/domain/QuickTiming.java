package kz.qatysu.allocation.domain;

import java.nio.file.Path;
import kz.qatysu.allocation.pabulib.PabulibReader;

/** Ad-hoc timing: QuickTiming FILE RULE [repeats]. */
public final class QuickTiming {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Instance instance = new PabulibReader().read(Path.of(args[0]));
        long t1 = System.nanoTime();
        System.out.printf("parse %.3f s%n", (t1 - t0) / 1e9);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        for (int i = 0; i < repeats; i++) {
            long a = System.nanoTime();
            Outcome outcome = AllocationRules.allocate(args[1], instance);
            long b = System.nanoTime();
            System.out.printf("%s %.3f s  %d selected, endowment %s%n", args[1], (b - a) / 1e9,
                    outcome.selected().size(), outcome.endowment());

        }
    }
}
