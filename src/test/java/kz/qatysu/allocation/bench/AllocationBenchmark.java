package kz.qatysu.allocation.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.TimeUnit;
import kz.qatysu.allocation.SharedData;
import kz.qatysu.allocation.domain.AllocationRules;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Outcome;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule calls on the large real files (parsing excluded, like pabutools' {@code wall_time_s}). Each call is long, so
 * every iteration times one call after warm-up calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AllocationBenchmark {

    @Param({"Poland_Lodz_2022.pb", "Poland_Warszawa_2026.pb"})
    public String file;

    @Param({"mes_cost", "mes_cost_add1", "seq_phragmen"})
    public String rule;

    private Instance instance;

    @Setup(Level.Trial)
    public void read() {
        instance = SharedData.read(file);
    }

    @Benchmark
    public Outcome allocate() {
        return AllocationRules.allocate(rule, instance);
    }

    @TearDown(Level.Trial)
    public void reportHeap() {
        System.out.println("peak heap MB: " + peakHeapMegabytes());
    }

    static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
