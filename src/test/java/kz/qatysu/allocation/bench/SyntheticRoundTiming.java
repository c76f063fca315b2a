package kz.qatysu.allocation.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import kz.qatysu.allocation.domain.AllocationRules;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Outcome;

/**
 * One timed call per rule on the seeded synthetic round, for quick measurements outside JMH:
 * {@code java -Xmx2g -cp ... kz.qatysu.allocation.bench.SyntheticRoundTiming 2000000 500 mes_cost mes_cost_add1}.
 * Prints wall time, the outcome summary, and heap use after a GC (MemoryMXBean).
 */
public final class SyntheticRoundTiming {

    private SyntheticRoundTiming() {
    }

    public static void main(String[] args) {
        int ballots = Integer.parseInt(args[0]);
        int projects = Integer.parseInt(args[1]);
        Instance instance = SyntheticRound.generate(ballots, projects, 20261127L);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 2; i < args.length; i++) {
            long gcBefore = gcMillis();
            long cpuBefore = processCpuMillis();
            long start = System.nanoTime();
            Outcome outcome = AllocationRules.allocate(args[i], instance);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpu = processCpuMillis() - cpuBefore;
            long gc = gcMillis() - gcBefore;
            long usedBeforeGc = memory.getHeapMemoryUsage().getUsed() >> 20;
            System.gc();
            long usedAfterGc = memory.getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf("%s: %d ms (CPU %d ms, GC %d ms), selected %d, endowment %s, heap used %d MB (after GC %d MB), "
                            + "peak heap pools %d MB, max heap %d MB%n", args[i], ms, cpu, gc, outcome.selected().size(),
                    outcome.endowment(), usedBeforeGc, usedAfterGc, AllocationBenchmark.peakHeapMegabytes(),
                    memory.getHeapMemoryUsage().getMax() >> 20);
        }
    }

    /** CPU time of the whole process (all threads, JIT and GC included), which steal time on a shared host does not inflate. */
    private static long processCpuMillis() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime()
                / 1_000_000;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
