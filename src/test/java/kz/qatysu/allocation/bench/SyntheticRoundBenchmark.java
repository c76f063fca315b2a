package kz.qatysu.allocation.bench;

import java.util.concurrent.TimeUnit;
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

/** MES and MES+Add1 on the seeded synthetic round ({@link SyntheticRound}), heap capped at 2 GB. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class SyntheticRoundBenchmark {

    @Param({"2000000"})
    public int ballots;

    @Param({"500"})
    public int projects;

    @Param({"mes_cost_add1"})
    public String rule;

    private Instance instance;

    @Setup(Level.Trial)
    public void generate() {
        instance = SyntheticRound.generate(ballots, projects, 20261127L);
    }

    @Benchmark
    public Outcome allocate() {
        Outcome outcome = AllocationRules.allocate(rule, instance);
        System.out.println("selected " + outcome.selected().size() + ", endowment " + outcome.endowment());
        return outcome;
    }

    @TearDown(Level.Trial)
    public void reportHeap() {
        System.out.println("peak heap MB: " + AllocationBenchmark.peakHeapMegabytes());
    }
}
