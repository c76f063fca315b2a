#!/usr/bin/env bash
# Allocation engine benchmark (issue 3): JMH on the large Pabulib files and on the synthetic 2M-ballot round.
# Usage: bench/allocation-benchmark.sh [real|synthetic|all] [extra JMH args...]
# Runs one JMH fork at a time (the machine has 2 cores); prints JMH's table and the peak heap of each trial.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
what="${1:-all}"
shift || true

if [[ ! -f target/test-classes/META-INF/BenchmarkList || ! -f target/bench-classpath.txt ]]; then
    mvn -B -q test-compile
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
fi
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
shared="-Dqatysu.shared=${QATYSU_SHARED:-$(pwd)/../shared}"

run() {
    "$JAVA_HOME/bin/java" "$shared" -cp "$cp" org.openjdk.jmh.Main -jvmArgsAppend "$shared -Xmx2g" "$@"
}

case "$what" in
    real) run 'kz.qatysu.allocation.bench.AllocationBenchmark' "$@" ;;
    synthetic) run 'kz.qatysu.allocation.bench.SyntheticRoundBenchmark' "$@" ;;
    all)
        run 'kz.qatysu.allocation.bench.AllocationBenchmark' "$@"
        run 'kz.qatysu.allocation.bench.SyntheticRoundBenchmark' "$@"
        ;;
    *) echo "usage: $0 [real|synthetic|all] [JMH args]" >&2; exit 2 ;;
esac
