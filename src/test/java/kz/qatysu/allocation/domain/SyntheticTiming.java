package kz.qatysu.allocation.domain;

import kz.qatysu.allocation.bench.SyntheticRound;

public final class SyntheticTiming {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Instance instance = SyntheticRound.generate(Integer.parseInt(args[0]), 500, 42);
        long t1 = System.nanoTime();
        System.out.printf("generate %.3f s%n", (t1 - t0) / 1e9);
        for (int i = 0; i < Integer.parseInt(args[2]); i++) {
            long a = System.nanoTime();
            Outcome outcome = AllocationRules.allocate(args[1], instance);
            long b = System.nanoTime();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%s %.3f s  %d selected %s, heap used %d MB%n", args[1], (b - a) / 1e9,
                    outcome.selected().size(), outcome.endowment(), (rt.totalMemory() - rt.freeMemory()) >> 20);

        }
    }
}
