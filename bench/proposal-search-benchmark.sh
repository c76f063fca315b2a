#!/usr/bin/env bash
# Public proposal list at national scale: full-text search, filters and paging over N proposals.
# Builds a scratch database from sql/ (the real migrations), fills it with N synthetic proposals (Kazakh and
# Russian words from a 60-word vocabulary, so every one of them is common; "светофор" only in every 1000th
# description, a rare word; statuses as in a real round), and times the queries the public list runs — the GIN-indexed
# full-text search (websearch + prefix query, as ProposalSearchSql builds them) against the naive baseline
# (ILIKE over title and description) — as the median of 7 runs each, measured by PostgreSQL (EXPLAIN ANALYZE).
#   bench/proposal-search-benchmark.sh [N]      (default 200000; needs a PostgreSQL superuser as ./qatysu does)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-200000}"
DB=qatysu_bench_search
PSQL=(psql -h "${QATYSU_DB_HOST:-127.0.0.1}" -p "${QATYSU_DB_PORT:-5432}" -U "${QATYSU_DB_ADMIN_USER:-postgres}" -v ON_ERROR_STOP=1 -qtA)

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'"
for f in $(ls "$ROOT"/sql/V*.sql | sort -V); do "${PSQL[@]}" -d "$DB" -f "$f" >/dev/null; done

"${PSQL[@]}" -d "$DB" <<SQL >/dev/null
insert into kato_edition (name, source, layout, imported_at, unit_count) values ('bench', 'bench', 'sample', now(), 3);
insert into territory values ('750000000', null, 'city', 'Алматы', 'Алматы', 'Almaty', 1),
                             ('751410000', '750000000', 'district', 'Бостандық ауданы', 'Бостандыкский район', 'Bostandyk', 1),
                             ('751110000', '750000000', 'district', 'Алмалы ауданы', 'Алмалинский район', 'Almaly', 1);
insert into citizen (iin, surname, given_name, birth_date, sex, territory_code, first_login_at, last_login_at, login_count)
    values ('800416100254', 'Серікбаев', 'Нұрлан', '1980-04-16', 'M', '751410000', now(), now(), 1);
insert into budget_round (territory_code, title_kk, title_ru, description_kk, description_ru, total_budget, zone_id,
                          phase, created_by, created_at)
    values ('750000000', 'Бағдарлама', 'Программа', 'Сипаттама', 'Описание', 10000000000, 'Asia/Almaty',
            'MODERATION_AND_REVIEW', 'system:bench', now());
-- N proposals: 3–6 words of a 60-word vocabulary in the title, 20–40 in the description; public and private statuses
with words(w) as (select unnest(string_to_array(
  'саябақ орындық жарық аула балалар ойын алаңы жол веложол аялдама спорт жаттығу мектеп кітапхана ағаш гүлзар '
  || 'фонтан көпір тротуар пандус сквер скамейка освещение двор детская площадка дорожка велодорожка остановка '
  || 'спортивный тренажёр школа библиотека дерево клумба фонтан мост тротуар пандус парк озеленение ремонт '
  || 'благоустройство парковка лифт переход камера безопасность урна туалет беседка сцена каток горка '
  || 'поле забор', ' ')) as w),
     v as (select array_agg(w) as a, count(*)::int as n from words)
insert into proposal (round_id, territory_code, author_citizen_id, status, title, description, category_code,
                      address_text, estimated_cost, assessed_cost, rejection_reason, infeasibility_reason, created_at,
                      submitted_at, updated_at)
select 1, case when i % 2 = 0 then '751410000' else '751110000' end, 1,
       st.s,
       (select string_agg(v.a[1 + ((i::bigint * 7919 + k * 104729) % v.n)::int], ' ') from generate_series(1, 3 + i % 4) k) || ' ' || i,
       (select string_agg(v.a[1 + ((i::bigint * 15485863 + k * 32452843) % v.n)::int], ' ') from generate_series(1, 20 + i % 21) k)
           || case when i % 1000 = 0 then ' светофор' else '' end,
       'parks', 'Адрес ' || i, 1000000 + i, case when st.s = 'FEASIBLE' then 900000 + i end,
       case when st.s = 'REJECTED' then 'OTHER' end, case when st.s = 'INFEASIBLE' then 'TECHNICAL' end,
       now(), case when st.s <> 'DRAFT' then now() end, now()
from generate_series(1, $N) i, v,
     lateral (select (array['FEASIBLE','ACCEPTED','REJECTED','UNDER_REVIEW','INFEASIBLE','SUBMITTED','DRAFT','UNDER_MODERATION'])[1 + i % 8] as s) st;
analyze proposal;
SQL

PUBLIC="('SUPPORT_COLLECTION','ACCEPTED','REJECTED','MERGED','UNDER_REVIEW','FEASIBLE','INFEASIBLE','ON_BALLOT','FUNDED','NOT_FUNDED')"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_query() {  # label, sql: prints the median execution time in ms of 7 runs (after one warm-up)
    local label="$1" sql="$2" runs=""
    "${PSQL[@]}" -d "$DB" -c "$sql" >/dev/null
    for _ in 1 2 3 4 5 6 7; do
        runs+="$("${PSQL[@]}" -d "$DB" -c "explain (analyze, format json) $sql" | sed -n 's/.*"Execution Time": \([0-9.]*\).*/\1/p')"$'\n'
    done
    printf '%-58s %10s ms\n' "$label" "$(printf '%s' "$runs" | median)"
}

echo "proposals: $N ($(nproc) cores, PostgreSQL $("${PSQL[@]}" -d "$DB" -c 'show server_version'), $(date -I))"
SEARCH="with terms as (select websearch_to_tsquery('simple', 'саяб') as words, to_tsquery('simple', 'саяб:*') as prefixes)"
time_query "full-text (GIN): count, word 'саяб' as prefix" \
  "$SEARCH select count(*) from proposal p, terms where p.status in $PUBLIC and p.search_vector @@ (terms.words || terms.prefixes)"
time_query "full-text (GIN): first page by rank" \
  "$SEARCH select p.id from proposal p, terms where p.status in $PUBLIC and p.search_vector @@ (terms.words || terms.prefixes) order by ts_rank(p.search_vector, terms.words || terms.prefixes) desc, p.id desc limit 10"
time_query "full-text (GIN): rare word 'светофор' (0.1 %) + territory, count" \
  "with terms as (select websearch_to_tsquery('simple', 'светофор') as w) select count(*) from proposal p, terms where p.status in $PUBLIC and p.territory_code like '751410%' and p.search_vector @@ terms.w"
time_query "baseline ILIKE '%саяб%' over title+description: count" \
  "select count(*) from proposal p where p.status in $PUBLIC and (p.title ilike '%саяб%' or p.description ilike '%саяб%')"
time_query "baseline ILIKE '%светофор%' + territory: count" \
  "select count(*) from proposal p where p.status in $PUBLIC and p.territory_code like '751410%' and (p.title ilike '%светофор%' or p.description ilike '%светофор%')"
time_query "list without search: first page (newest first)" \
  "select p.id from proposal p where p.status in $PUBLIC order by p.id desc limit 10"
time_query "list without search: page 1000 (offset 9990)" \
  "select p.id from proposal p where p.status in $PUBLIC order by p.id desc limit 10 offset 9990"
time_query "list without search: count" \
  "select count(*) from proposal p where p.status in $PUBLIC"
"${PSQL[@]}" -d postgres -c "drop database $DB"
