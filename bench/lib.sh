# Shared by the benchmark scripts (sourced, after `cd` to the repository root): the JDK, psql as the PostgreSQL
# superuser, the build of the WAR and the test harnesses, and the platform started as `./qatysu run` does.

# JAVA_HOME: a JDK 21+ (the Temurin 25 JDK here); MAVEN_OPTS for Maven on it.
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME="$candidate"; break
    fi
done
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"

# psql as the superuser the launcher uses to create roles and databases.
PSQL=(psql -h "${QATYSU_DB_HOST:-127.0.0.1}" -p "${QATYSU_DB_PORT:-5432}" -U "${QATYSU_DB_ADMIN_USER:-postgres}" -v ON_ERROR_STOP=1 -qtA)

# The WAR, the test classes (the harnesses) and their classpath in target/bench-classpath.txt.
bench_build() {
    echo "Building…" >&2
    mvn -B -q -DskipTests package
    mvn -B -q test-compile
    mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
}

# bench_start_platform LOG: `./qatysu run` in its own process group with the caller's QATYSU_* settings, output to
# LOG; waits until it says it is running; stops it when the script exits.
bench_start_platform() {
    local log="$1"
    setsid ./qatysu run > "$log" 2>&1 &
    PLATFORM=$!
    trap 'kill -TERM -- -$PLATFORM 2>/dev/null || true; wait $PLATFORM 2>/dev/null || true' EXIT
    for _ in $(seq 1 300); do
        grep -q "Qatysu is running" "$log" 2>/dev/null && break
        kill -0 $PLATFORM 2>/dev/null || { cat "$log" >&2; exit 1; }
        sleep 1
    done
    grep -q "Qatysu is running" "$log" || { echo "the platform did not start" >&2; exit 1; }
}
