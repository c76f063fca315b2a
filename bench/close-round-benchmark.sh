#!/usr/bin/env bash
# close-round on a large synthetic round: wall time per step and ballots per second.
#   bench/close-round-benchmark.sh [BALLOTS...]        (default: 1000000)
# For each size: a fresh database qatysu_bench_close with the demo data (a first Payara Micro boot), N synthetic
# counted ballots in the Esil knapsack round (mes_cost_add1, 5 projects) whose voting is made to have ended, then a
# second boot whose close-round schedule starts the job; the step times are read from the job repository.
# Needs ./qatysu run or ./qatysu test to have run once (secrets, signing keystore, runtime jars) and a PostgreSQL
# superuser (QATYSU_DB_ADMIN_USER, default postgres).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SIZES=("${@:-1000000}")
PORT="${QATYSU_BENCH_PORT:-8280}"
DB=qatysu_bench_close
. bench/lib.sh
[ -f .qatysu/secrets.env ] && [ -f .qatysu/signing.p12 ] || { echo "Run ./qatysu test or ./qatysu run once first" >&2; exit 1; }
set -a; . .qatysu/secrets.env; set +a
export QATYSU_DB_HOST="${QATYSU_DB_HOST:-127.0.0.1}" QATYSU_DB_PORT="${QATYSU_DB_PORT:-5432}" QATYSU_DB_USER="${QATYSU_DB_USER:-qatysu}"
export QATYSU_DB_PASSWORD="${QATYSU_DB_PASSWORD:-$QATYSU_DB_GENERATED_PASSWORD}" QATYSU_DB_NAME=$DB
export QATYSU_SIGNING_KEYSTORE="$ROOT/.qatysu/signing.p12" QATYSU_CALENDAR_FOLLOW=false
export QATYSU_JOBS_PUBLISH_ALLOCATIONS_SCHEDULE=off QATYSU_JOBS_NIGHTLY_OPEN_DATA_SCHEDULE=off
ADMIN=(psql -h "$QATYSU_DB_HOST" -p "$QATYSU_DB_PORT" -U "${QATYSU_DB_ADMIN_USER:-postgres}" -v ON_ERROR_STOP=1 -qtA)
SQL=("${ADMIN[@]}" -d $DB)

echo "Building…" >&2
mvn -B -q -DskipTests package

PAYARA=""
stop_payara() { if [ -n "$PAYARA" ]; then kill "$PAYARA" 2>/dev/null || true; wait "$PAYARA" 2>/dev/null || true; fi; PAYARA=""; }
trap stop_payara EXIT
boot() { # boot NAME: starts Payara Micro on the bench database and waits for the portal
    "$JAVA_HOME/bin/java" -Xmx2g -XX:+UseParallelGC -jar target/runtime/payara-micro.jar --deploy target/qatysu.war \
        --contextroot / --port "$PORT" --nocluster --addLibs target/runtime/postgresql.jar \
        --postbootcommandfile payara-config/post-boot-commands.asadmin > "target/bench-close-$1.log" 2>&1 &
    PAYARA=$!
    for _ in $(seq 1 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/")" = 200 ] && return 0
        kill -0 "$PAYARA" 2>/dev/null || { echo "Payara Micro stopped; see target/bench-close-$1.log" >&2; exit 1; }
        sleep 1
    done
    echo "Payara Micro did not start" >&2; exit 1
}

printf '\n| ballots | close (s) | tally (s) | tally ballots/s | allocate (s) | job total (s) | ballots/s overall |\n|---:|---:|---:|---:|---:|---:|---:|\n'
for n in "${SIZES[@]}"; do
    "${ADMIN[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null
    "${ADMIN[@]}" -d postgres -c "create database $DB owner $QATYSU_DB_USER encoding 'UTF8' template template0" >/dev/null
    QATYSU_DEMO_DATA=true QATYSU_JOBS_CLOSE_ROUND_SCHEDULE=off boot seed
    stop_payara
    round=$("${SQL[@]}" -c "select id from budget_round where title_en = 'Esil: green courtyards 2026'")
    read -r -a p <<< "$("${SQL[@]}" -c "select string_agg(id::text, ' ' order by id) from proposal where round_id = $round and status = 'ON_BALLOT'")"
    "${SQL[@]}" >/dev/null <<SQLTEXT
alter table budget_round_phase_start disable trigger user;
update budget_round_phase_start set starts_at = now() - interval '1 minute' where round_id = $round and phase = 'COUNTING';
alter table budget_round_phase_start enable trigger user;
-- Ballot lengths 1-4 and a popularity skew: project i is on about 1/(i+1) of the ballots and more.
insert into ballot (round_id, voter, version, channel, proposal_ids, points, choice, receipt_hash, receipt_sealed, cast_at)
select $round, encode(sha256(('bench-voter-' || g)::bytea), 'hex'), 1, 'WEB', ids, array_fill(1, array[cardinality(ids)]),
       'synthetic', encode(sha256(('bench-receipt-' || g)::bytea), 'hex'), '\x00'::bytea, now() - interval '2 minutes'
from (select g, case g % 10 when 0 then array[${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}]::bigint[]
                            when 1 then array[${p[0]}]::bigint[] when 2 then array[${p[0]}, ${p[1]}]::bigint[]
                            when 3 then array[${p[1]}, ${p[4]}]::bigint[] when 4 then array[${p[0]}, ${p[2]}]::bigint[]
                            when 5 then array[${p[2]}]::bigint[] when 6 then array[${p[0]}, ${p[3]}, ${p[4]}]::bigint[]
                            when 7 then array[${p[1]}, ${p[2]}, ${p[3]}]::bigint[] when 8 then array[${p[0]}, ${p[4]}]::bigint[]
                            else array[${p[3]}]::bigint[] end as ids
      from generate_series(1, $n) g) b;
analyze ballot;
SQLTEXT
    QATYSU_JOBS_CLOSE_ROUND_SCHEDULE="every PT5S" boot run
    for _ in $(seq 1 1800); do
        [ "$("${SQL[@]}" -c "select count(*) from round_outcome where round_id = $round")" = 1 ] && break
        sleep 1
    done
    stop_payara
    "${SQL[@]}" -F ' ' -c "select stepname, extract(epoch from endtime - starttime) from jbatchstepexecutioninstancedata order by stepexecid" > target/bench-close-steps.txt
    close=$(awk '$1 == "close" {print $2}' target/bench-close-steps.txt)
    tally=$(awk '$1 == "tally" {print $2}' target/bench-close-steps.txt)
    alloc=$(awk '$1 == "allocate" {print $2}' target/bench-close-steps.txt)
    total=$(awk '{s += $2} END {print s}' target/bench-close-steps.txt)
    counted=$("${SQL[@]}" -c "select ballots from round_outcome where round_id = $round")
    printf '| %s | %.1f | %.1f | %.0f | %.1f | %.1f | %.0f |\n' "$counted" "$close" "$tally" "$(awk -v a="$counted" -v b="$tally" 'BEGIN {print a / b}')" \
        "$alloc" "$total" "$(awk -v a="$counted" -v b="$total" 'BEGIN {print a / b}')"
done
