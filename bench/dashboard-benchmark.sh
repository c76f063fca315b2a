#!/usr/bin/env bash
# Page-render benchmark of the staff dashboards with the demo's synthetic electorate.
#   bench/dashboard-benchmark.sh [CLIENTS] [WARMUP_S] [SECONDS] [VOTERS]     (defaults: 1,10,50  10  30  30000)
# 1. Starts the platform as `./qatysu run` does (fresh database qatysu_bench_dashboard, Keycloak and Payara Micro on
#    ports 8380/8280, the registry simulator on 8580, so a running demo is left alone) with a synthetic electorate of
#    VOTERS residents, and waits until it is loaded and its past round counted.
# 2. The Java harness (kz.qatysu.dashboard.bench.DashboardPageBenchmark): analysts signed in through Keycloak's staff
#    login, each with its own session, request a page in a closed loop; p50/p95/p99 of the full response per page
#    and client count. The main dashboard (republic, all rounds) at every client count; at the largest count also its
#    drill-down to Almaty and to Bostandyk, the dashboard of the past round, the past round's public results page and
#    its rule comparison.
# Needs a PostgreSQL superuser (as the launcher does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLIENTS="${1:-1,10,50}"
WARMUP="${2:-10}"
SECONDS_MEASURED="${3:-30}"
VOTERS="${4:-30000}"
PORTAL_PORT="${QATYSU_BENCH_PORT:-8280}"
KC_PORT="${QATYSU_BENCH_KEYCLOAK_PORT:-8380}"
REGISTRY_PORT="${QATYSU_BENCH_REGISTRY_PORT:-8580}"
DB=qatysu_bench_dashboard
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME="$candidate"; break
    fi
done
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
PSQL=(psql -h "${QATYSU_DB_HOST:-127.0.0.1}" -p "${QATYSU_DB_PORT:-5432}" -U "${QATYSU_DB_ADMIN_USER:-postgres}" -v ON_ERROR_STOP=1 -qtA)

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null

echo "Building…" >&2
mvn -B -q -DskipTests package
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt

PAYARA_LOG="$ROOT/.qatysu/logs/payara.log"
echo "Starting the platform on :$PORTAL_PORT (Keycloak :$KC_PORT) with $VOTERS synthetic residents…" >&2
QATYSU_PORT=$PORTAL_PORT QATYSU_KEYCLOAK_PORT=$KC_PORT QATYSU_REGISTRY_PORT=$REGISTRY_PORT QATYSU_DB_NAME=$DB \
    QATYSU_DEMO_SYNTHETIC_VOTERS=$VOTERS setsid ./qatysu run > target/bench-dashboard-platform.log 2>&1 &
PLATFORM=$!
trap 'kill -TERM -- -$PLATFORM 2>/dev/null || true; wait $PLATFORM 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
    grep -q "Qatysu is running" target/bench-dashboard-platform.log 2>/dev/null && break
    kill -0 $PLATFORM 2>/dev/null || { cat target/bench-dashboard-platform.log >&2; exit 1; }
    sleep 1
done
grep -q "Qatysu is running" target/bench-dashboard-platform.log || { echo "the platform did not start" >&2; exit 1; }
echo "Waiting for the synthetic electorate…" >&2
for _ in $(seq 1 1800); do
    grep -q "Synthetic electorate: " "$PAYARA_LOG" 2>/dev/null && break
    grep -q "synthetic electorate could not be loaded" "$PAYARA_LOG" 2>/dev/null && { grep -A5 "could not be loaded" "$PAYARA_LOG" >&2; exit 1; }
    sleep 1
done
LOADED=$(grep -o "Synthetic electorate: .*" "$PAYARA_LOG" | head -n1 | sed 's/\].*//')
[ -n "$LOADED" ] || { echo "the synthetic electorate was not loaded" >&2; exit 1; }

q() { "${PSQL[@]}" -d $DB -c "$1"; }
PAST=$(q "select id from budget_round where title_en = 'Almaty: residents'' budget, spring 2026'")
PHASE=$(q "select phase from budget_round where id = $PAST")

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
echo "loaded: $LOADED"
echo "data: $(q "select count(*) from citizen") citizens; $(q "select count(*) from ballot") ballot versions, \
$(q "select count(*) from ballot where superseded_at is null") current, in $(q "select count(distinct round_id) from ballot") rounds; \
$(q "select count(*) from paper_ballot") paper ballots; $(q "select count(*) from cast_signal") cast signals; \
past round $PAST in $PHASE, $(q "select count(*) from round_outcome_project where round_id = $PAST and funded") projects funded, \
$(q "select count(*) from implementation") implementation records"
echo
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
MAIN="/staff/dashboard.xhtml"
OTHERS="/staff/dashboard.xhtml?territory=750000000,/staff/dashboard.xhtml?territory=751410000,/staff/dashboard.xhtml?round=$PAST,/results.xhtml?id=$PAST,/staff/comparison.xhtml?round=$PAST"
MOST="${CLIENTS##*,}"
{
    "$JAVA_HOME/bin/java" -cp "$cp" kz.qatysu.dashboard.bench.DashboardPageBenchmark "http://localhost:$PORTAL_PORT" \
        "$MAIN" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" analyst
    "$JAVA_HOME/bin/java" -cp "$cp" kz.qatysu.dashboard.bench.DashboardPageBenchmark "http://localhost:$PORTAL_PORT" \
        "$OTHERS" "$MOST" "$WARMUP" "$SECONDS_MEASURED" analyst | tail -n +2
} | column -t -s $'\t'
