#!/usr/bin/env bash
# Page-render benchmark of the staff dashboards with the demo's synthetic electorate.
#   bench/dashboard-benchmark.sh [CLIENTS] [WARMUP_S] [SECONDS] [VOTERS] [THINK_MS]
#                                                         (defaults: 1,10,50  10  30  30000  5000)
# 1. Starts the platform as `./qatysu run` does (database qatysu_bench_dashboard, fresh unless QATYSU_BENCH_KEEP_DB=1;
#    Keycloak and Payara Micro on ports 8380/8280, the registry simulator on 8580, so a running demo is left alone)
#    with a synthetic electorate of VOTERS residents, and waits until it is loaded and its past round counted.
# 2. The Java harness (kz.qatysu.dashboard.bench.DashboardPageBenchmark): analysts signed in through Keycloak's staff
#    login, each with its own session, request a page in a closed loop; p50/p95/p99 of the full response.
#    a) the main dashboard (republic, all rounds) at every client count with no think time (each client asks again
#       as soon as its page arrived: a stress test);
#    b) the main dashboard with as many analysts as the largest count, each reading a page for THINK_MS on average
#       (uniformly half to one and a half times) before the next;
#    c) with no think time at the largest count: the drill-down to Almaty and to Bostandyk, the dashboard of the
#       past round, the past round's public results page and its rule comparison.
# Needs a PostgreSQL superuser (as the launcher does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. bench/lib.sh
CLIENTS="${1:-1,10,50}"
WARMUP="${2:-10}"
SECONDS_MEASURED="${3:-30}"
VOTERS="${4:-30000}"
THINK="${5:-5000}"
PORTAL_PORT="${QATYSU_BENCH_PORT:-8280}"
DB=qatysu_bench_dashboard

[ "${QATYSU_BENCH_KEEP_DB:-0}" = 1 ] || "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
bench_build

PAYARA_LOG="$ROOT/.qatysu/logs/payara.log"
echo "Starting the platform on :$PORTAL_PORT with $VOTERS synthetic residents…" >&2
export QATYSU_PORT=$PORTAL_PORT QATYSU_KEYCLOAK_PORT="${QATYSU_BENCH_KEYCLOAK_PORT:-8380}" \
    QATYSU_REGISTRY_PORT="${QATYSU_BENCH_REGISTRY_PORT:-8580}" QATYSU_DB_NAME=$DB QATYSU_DEMO_SYNTHETIC_VOTERS=$VOTERS
bench_start_platform target/bench-dashboard-platform.log
q() { "${PSQL[@]}" -d $DB -c "$1"; }
echo "Waiting for the synthetic electorate…" >&2
PAST=""
for _ in $(seq 1 1800); do
    PAST=$(q "select r.id from budget_round r join round_outcome o on o.round_id = r.id
              where r.title_en = 'Almaty: residents'' budget, spring 2026' and r.phase = 'IMPLEMENTATION'")
    [ -n "$PAST" ] && [ "$(q "select count(*) from implementation")" != 0 ] && break
    grep -q "synthetic electorate could not be loaded" "$PAYARA_LOG" 2>/dev/null && { grep -A5 "could not be loaded" "$PAYARA_LOG" >&2; exit 1; }
    sleep 1
done
[ -n "$PAST" ] || { echo "the synthetic electorate was not loaded" >&2; exit 1; }
LOADED=$(grep -o "Synthetic electorate: .*" "$PAYARA_LOG" | head -n1 | sed 's/\].*//')

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
echo "loaded: ${LOADED:-(by an earlier run)}"
echo "data: $(q "select count(*) from citizen") citizens; $(q "select count(*) from ballot") ballot versions, \
$(q "select count(*) from ballot where superseded_at is null") current, in $(q "select count(distinct round_id) from ballot") rounds; \
$(q "select count(*) from paper_ballot") paper ballots; $(q "select count(*) from cast_signal") cast signals; \
past round $PAST, $(q "select count(*) from round_outcome_project where round_id = $PAST and funded") projects funded, \
$(q "select count(*) from implementation") implementation records"
echo
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
MOST="${CLIENTS##*,}"
OTHERS="/staff/dashboard.xhtml?territory=750000000,/staff/dashboard.xhtml?territory=751410000,/staff/dashboard.xhtml?round=$PAST,/results.xhtml?id=$PAST,/staff/comparison.xhtml?round=$PAST"
harness() { "$JAVA_HOME/bin/java" -cp "$cp" kz.qatysu.dashboard.bench.DashboardPageBenchmark "http://localhost:$PORTAL_PORT" "$@"; }
{
    harness /staff/dashboard.xhtml "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" analyst 0
    harness /staff/dashboard.xhtml "$MOST" "$((WARMUP + THINK / 1000))" "$((SECONDS_MEASURED * 2))" analyst "$THINK" | tail -n +2
    harness "$OTHERS" "$MOST" "$WARMUP" "$SECONDS_MEASURED" analyst 0 | tail -n +2
} | column -t -s $'\t'
