#!/usr/bin/env bash
# Ballot intake over the mobile API, with authentication, against PostgreSQL's own ceiling — in the same run.
#   bench/ballot-intake-benchmark.sh [CLIENTS] [WARMUP_S] [SECONDS]      (defaults: 16,64  5  20)
# 1. Starts the platform as `./qatysu run` does (fresh database qatysu_bench, Keycloak and Payara Micro on ports
#    8380/8280 so a running demo is left alone).
# 2. pgbench: an insert-only custom script, one ballot-shaped row per transaction, at each client count.
# 3. The Java harness (kz.qatysu.voting.bench.BallotIntakeBenchmark): synthetic residents signed in through
#    qatysu-mobile (authorization code + PKCE via the eGov broker), closed-loop clients casting and re-casting
#    ballots of the Bostandyk approval round; ballots per second and p50/p99 latency at each client count.
#    Then the same for two lighter requests through the same stack (read my ballot; the public round, no token).
# 4. Prints the table with the ratio to pgbench, and the CPU each process used. Needs a PostgreSQL superuser.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CLIENTS="${1:-16,64}"
WARMUP="${2:-5}"
SECONDS_MEASURED="${3:-20}"
PORTAL_PORT="${QATYSU_BENCH_PORT:-8280}"
KC_PORT="${QATYSU_BENCH_KEYCLOAK_PORT:-8380}"
DB=qatysu_bench
. bench/lib.sh

"${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null

bench_build

echo "Starting the platform on :$PORTAL_PORT (Keycloak :$KC_PORT)…" >&2
QATYSU_PORT=$PORTAL_PORT QATYSU_KEYCLOAK_PORT=$KC_PORT QATYSU_DB_NAME=$DB QATYSU_DEMO_SYNTHETIC_VOTERS=0 \
    bench_start_platform target/bench-platform.log
set -a; . .qatysu/secrets.env; set +a

echo "pgbench: insert-only, one row per transaction…" >&2
"${PSQL[@]}" -d $DB -c "create table if not exists bench_insert (id bigint generated always as identity primary key,
    voter char(64) not null, choice text not null, cast_at timestamptz not null default now())" >/dev/null
cat > target/bench-insert.sql <<'SQL'
insert into bench_insert (voter, choice) values (md5(random()::text) || md5(random()::text), '101:1,205:1,317:1');
SQL
declare -A PG
for c in ${CLIENTS//,/ }; do
    PG[$c]=$(pgbench -h "${QATYSU_DB_HOST:-127.0.0.1}" -p "${QATYSU_DB_PORT:-5432}" -U "${QATYSU_DB_ADMIN_USER:-postgres}" \
        -n -c "$c" -j 2 -T "$SECONDS_MEASURED" -f target/bench-insert.sql $DB 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    echo "  $c clients: ${PG[$c]} tps" >&2
done

# CPU seconds (user + system) used so far by the processes whose command line matches a pattern.
cpu_seconds() {
    local ticks=0 pid
    for pid in $(pgrep -f "$1"); do
        [ -r "/proc/$pid/stat" ] && ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "scale=1; $ticks / $(getconf CLK_TCK)" | bc
}

echo "API: ballots over HTTP with bearer tokens…" >&2
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
payara0=$(cpu_seconds payara-micro.jar); pg0=$(cpu_seconds "postgres: .* $DB "); kc0=$(cpu_seconds keycloak)
start=$(date +%s.%N)
TIMEFORMAT='%U %S'
{ time "$JAVA_HOME/bin/java" -cp "$cp" kz.qatysu.voting.bench.BallotIntakeBenchmark "http://localhost:$PORTAL_PORT" \
    "http://localhost:$KC_PORT" "$QATYSU_KEYCLOAK_ADMIN_PASSWORD" "$CLIENTS" "$WARMUP" "$SECONDS_MEASURED" \
    > target/bench-api.tsv ; } 2> target/bench-harness-time.txt
wall=$(echo "$(date +%s.%N) - $start" | bc)
payara=$(echo "$(cpu_seconds payara-micro.jar) - $payara0" | bc); pg=$(echo "$(cpu_seconds "postgres: .* $DB ") - $pg0" | bc)
kc=$(echo "$(cpu_seconds keycloak) - $kc0" | bc)
harness=$(tail -n 1 target/bench-harness-time.txt | awk '{print $1 + $2}')

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(date -u +%Y-%m-%d)"
printf '%-15s %-8s %10s %10s %10s %16s %7s\n' request clients "per s" "p50 ms" "p99 ms" "pgbench rows/s" ratio
tail -n +2 target/bench-api.tsv | while IFS=$'\t' read -r what c rate p50 p99 max n errors; do
    printf '%-15s %-8s %10s %10s %10s %16.0f %7.2f   (%s requests, %s errors, max %s ms)\n' "$what" "$c" "$rate" \
        "$p50" "$p99" "${PG[$c]}" "$(echo "$rate / ${PG[$c]}" | bc -l)" "$n" "$errors" "$max"
done
echo
printf 'CPU during the API part (%.0f s wall, %d cores = %.0f core-seconds): Payara Micro %s s, PostgreSQL %s s, load generator %s s, Keycloak %s s\n' \
    "$wall" "$(nproc)" "$(echo "$wall * $(nproc)" | bc)" "$payara" "$pg" "$harness" "$kc"
