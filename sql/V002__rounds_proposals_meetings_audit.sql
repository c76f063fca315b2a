-- Qatysu schema, version 2: budget rounds, community meetings, proposals, audit log.
-- Applied by Flyway at start-up; JPA never generates schema. Column names and types match the entities of
-- kz.qatysu.{round,meeting,proposal,audit}.domain.

create table budget_round (
    id                            bigint generated always as identity primary key,
    version                       integer      not null default 0,
    territory_code                char(9)      not null references territory (code),
    title_kk                      varchar(200) not null check (btrim(title_kk) <> ''),
    title_ru                      varchar(200) not null check (btrim(title_ru) <> ''),
    title_en                      varchar(200),
    description_kk                text         not null check (char_length(description_kk) between 1 and 20000),
    description_ru                text         not null check (char_length(description_ru) between 1 and 20000),
    description_en                text         check (char_length(description_en) <= 20000),
    total_budget                  bigint       not null check (total_budget > 0),
    project_cost_cap              bigint       check (project_cost_cap > 0 and project_cost_cap <= total_budget),
    minimum_age                   integer      not null default 18 check (minimum_age between 14 and 100),
    support_threshold             integer      check (support_threshold > 0),
    zone_id                       varchar(64)  not null,
    phase                         varchar(30)  not null check (phase in ('DRAFTING', 'PROPOSAL_SUBMISSION',
                                      'SUPPORT_COLLECTION', 'MODERATION_AND_REVIEW', 'VOTING', 'COUNTING',
                                      'RESULTS_PUBLISHED', 'IMPLEMENTATION')),
    ballot_kind                   varchar(20)  check (ballot_kind in ('APPROVAL', 'KNAPSACK', 'CUMULATIVE')),
    ballot_min_picks              integer,
    ballot_max_picks              integer,
    ballot_min_budget_share       integer,
    ballot_points                 integer,
    ballot_max_points_per_project integer,
    allocation_rule               varchar(80)  check (allocation_rule ~ '^[a-z0-9_]+$'),
    rules_manifest                text,
    rules_manifest_sha256         char(64)     check (rules_manifest_sha256 ~ '^[0-9a-f]{64}$'),
    rules_frozen_at               timestamptz,
    created_by                    varchar(120) not null,
    created_at                    timestamptz  not null,
    check (ballot_kind is distinct from 'APPROVAL'
           or (ballot_min_picks >= 1 and ballot_max_picks >= ballot_min_picks
               and ballot_min_budget_share is null and ballot_points is null
               and ballot_max_points_per_project is null)),
    check (ballot_kind is distinct from 'KNAPSACK'
           or ((ballot_min_budget_share is null or ballot_min_budget_share between 1 and 100)
               and ballot_min_picks is null and ballot_max_picks is null and ballot_points is null
               and ballot_max_points_per_project is null)),
    check (ballot_kind is distinct from 'CUMULATIVE'
           or (ballot_points >= 1 and ballot_max_points_per_project between 1 and ballot_points
               and ballot_min_picks is null and ballot_max_picks is null and ballot_min_budget_share is null)),
    check (ballot_kind is not null
           or num_nulls(ballot_min_picks, ballot_max_picks, ballot_min_budget_share, ballot_points,
                        ballot_max_points_per_project) = 5),
    -- frozen: manifest, hash and time together, and only with both rules chosen
    check (num_nulls(rules_manifest, rules_manifest_sha256, rules_frozen_at) in (0, 3)),
    check (rules_frozen_at is null or (ballot_kind is not null and allocation_rule is not null)),
    -- voting and every later phase run under frozen rules
    check (rules_frozen_at is not null
           or phase in ('DRAFTING', 'PROPOSAL_SUBMISSION', 'SUPPORT_COLLECTION', 'MODERATION_AND_REVIEW'))
);

create index budget_round_territory_idx on budget_round (territory_code);
create index budget_round_phase_idx on budget_round (phase);

comment on table budget_round is 'Participatory-budgeting rounds of one KATO unit; rules frozen into a hashed manifest when voting opens';

create table budget_round_category (
    round_id bigint       not null references budget_round (id) on delete cascade,
    code     varchar(40)  not null check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name_kk  varchar(200) not null,
    name_ru  varchar(200) not null,
    name_en  varchar(200),
    budget   bigint       check (budget > 0),
    primary key (round_id, code)
);

comment on table budget_round_category is 'Project categories of a round with optional budgets (their sum within the total is checked by the entity)';

create table budget_round_phase_start (
    round_id  bigint      not null references budget_round (id) on delete cascade,
    phase     varchar(30) not null check (phase in ('PROPOSAL_SUBMISSION', 'SUPPORT_COLLECTION',
                  'MODERATION_AND_REVIEW', 'VOTING', 'COUNTING', 'RESULTS_PUBLISHED', 'IMPLEMENTATION')),
    starts_at timestamptz not null,
    primary key (round_id, phase)
);

comment on table budget_round_phase_start is 'Phase calendar of a round: when each phase after drafting starts';

-- Attack case 22: the rules of a round cannot change once frozen, whatever the application does.
create function budget_round_refuse_rule_change() returns trigger
    language plpgsql as
$$
begin
    if old.rules_frozen_at is not null and (
            new.territory_code, new.total_budget, new.project_cost_cap, new.minimum_age, new.support_threshold,
            new.zone_id, new.ballot_kind, new.ballot_min_picks, new.ballot_max_picks, new.ballot_min_budget_share,
            new.ballot_points, new.ballot_max_points_per_project, new.allocation_rule, new.rules_manifest,
            new.rules_manifest_sha256, new.rules_frozen_at)
        is distinct from (
            old.territory_code, old.total_budget, old.project_cost_cap, old.minimum_age, old.support_threshold,
            old.zone_id, old.ballot_kind, old.ballot_min_picks, old.ballot_max_picks, old.ballot_min_budget_share,
            old.ballot_points, old.ballot_max_points_per_project, old.allocation_rule, old.rules_manifest,
            old.rules_manifest_sha256, old.rules_frozen_at) then
        raise exception 'round.error.rules-frozen' using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create trigger budget_round_rules_frozen
    before update on budget_round
    for each row execute function budget_round_refuse_rule_change();

create function budget_round_child_refuse_when_frozen() returns trigger
    language plpgsql as
$$
declare
    target_round bigint;
begin
    target_round := case when tg_op = 'DELETE' then old.round_id else new.round_id end;
    if exists (select 1 from budget_round r where r.id = target_round and r.rules_frozen_at is not null)
       or (tg_op = 'UPDATE' and exists (select 1 from budget_round r
                                        where r.id = old.round_id and r.rules_frozen_at is not null)) then
        raise exception 'round.error.rules-frozen' using errcode = 'check_violation';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger budget_round_category_rules_frozen
    before insert or update or delete on budget_round_category
    for each row execute function budget_round_child_refuse_when_frozen();

create trigger budget_round_phase_start_rules_frozen
    before insert or update or delete on budget_round_phase_start
    for each row execute function budget_round_child_refuse_when_frozen();

create table community_meeting (
    id             bigint generated always as identity primary key,
    version        integer      not null default 0,
    territory_code char(9)      not null references territory (code),
    held_on        date         not null,
    place          varchar(300) not null check (btrim(place) <> ''),
    agenda         text         not null check (char_length(agenda) between 1 and 20000),
    minutes        text         check (char_length(minutes) between 1 and 100000),
    quorum_kind    varchar(10)  not null check (quorum_kind in ('SHARE', 'ABSOLUTE')),
    quorum_value   integer      not null check (quorum_value > 0 and (quorum_kind <> 'SHARE' or quorum_value <= 100)),
    recorded_by    varchar(120) not null,
    recorded_at    timestamptz  not null
);

create index community_meeting_territory_idx on community_meeting (territory_code, held_on);

comment on table community_meeting is 'Local community meetings (сход / собрание местного сообщества) recorded by akimat staff';

create table community_meeting_attendee (
    meeting_id bigint not null references community_meeting (id) on delete cascade,
    citizen_id bigint not null references citizen (id),
    primary key (meeting_id, citizen_id)
);

create index community_meeting_attendee_citizen_idx on community_meeting_attendee (citizen_id);

comment on table community_meeting_attendee is 'Eligible residents present at a meeting, each once';

create table proposal (
    id                   bigint generated always as identity primary key,
    version              integer      not null default 0,
    round_id             bigint       not null references budget_round (id),
    territory_code       char(9)      not null references territory (code),
    author_citizen_id    bigint       references citizen (id),
    proposer_meeting_id  bigint       references community_meeting (id),
    status               varchar(30)  not null check (status in ('DRAFT', 'SUBMITTED', 'SUPPORT_COLLECTION',
                             'UNDER_MODERATION', 'RETURNED_FOR_CHANGES', 'ACCEPTED', 'REJECTED', 'MERGED',
                             'UNDER_REVIEW', 'FEASIBLE', 'INFEASIBLE', 'ON_BALLOT', 'FUNDED', 'NOT_FUNDED',
                             'WITHDRAWN')),
    title                varchar(200) not null check (btrim(title) <> ''),
    description          text         not null check (char_length(description) between 1 and 20000),
    category_code        varchar(40)  not null,
    address_text         varchar(500) not null check (btrim(address_text) <> ''),
    latitude             double precision check (latitude between -90 and 90),
    longitude            double precision check (longitude between -180 and 180),
    estimated_cost       bigint       not null check (estimated_cost > 0),
    assessed_cost        bigint       check (assessed_cost > 0),
    rejection_reason     varchar(40)  check (rejection_reason in ('OUTSIDE_TERRITORY', 'OUTSIDE_COMPETENCE',
                             'NOT_PUBLIC_BENEFIT', 'EXCEEDS_BUDGET', 'UNLAWFUL_CONTENT', 'INCOMPLETE',
                             'INSUFFICIENT_SUPPORT', 'OTHER')),
    infeasibility_reason varchar(40)  check (infeasibility_reason in ('TECHNICAL', 'LEGAL', 'LAND_NOT_AVAILABLE',
                             'COST_EXCEEDS_CAP', 'ALREADY_PLANNED', 'MAINTENANCE_NOT_POSSIBLE', 'OTHER')),
    merged_into_id       bigint       references proposal (id),
    created_at           timestamptz  not null,
    submitted_at         timestamptz,
    updated_at           timestamptz  not null,
    check (num_nonnulls(author_citizen_id, proposer_meeting_id) = 1),
    check ((latitude is null) = (longitude is null)),
    check ((status = 'REJECTED') = (rejection_reason is not null)),
    check ((status = 'INFEASIBLE') = (infeasibility_reason is not null)),
    check ((status = 'MERGED') = (merged_into_id is not null)),
    check (merged_into_id <> id),
    check ((status in ('FEASIBLE', 'ON_BALLOT', 'FUNDED', 'NOT_FUNDED')) = (assessed_cost is not null)),
    check (status in ('DRAFT', 'WITHDRAWN') or submitted_at is not null)
);

create index proposal_round_status_idx on proposal (round_id, status);
create index proposal_territory_status_idx on proposal (territory_code, status);
create index proposal_author_idx on proposal (author_citizen_id) where author_citizen_id is not null;
create index proposal_meeting_idx on proposal (proposer_meeting_id) where proposer_meeting_id is not null;
create index proposal_merged_into_idx on proposal (merged_into_id) where merged_into_id is not null;

comment on table proposal is 'Projects put forward for a round by a citizen or a community meeting; lifecycle in status';

create table proposal_cost_line (
    proposal_id bigint       not null references proposal (id) on delete cascade,
    line_no     integer      not null check (line_no >= 0),
    description varchar(300) not null check (btrim(description) <> ''),
    quantity    bigint       not null check (quantity > 0),
    unit_price  bigint       not null check (unit_price > 0),
    primary key (proposal_id, line_no)
);

comment on table proposal_cost_line is 'Line items of the proposer''s cost estimate; their sum is proposal.estimated_cost';

create table proposal_co_proposer (
    proposal_id bigint   not null references proposal (id) on delete cascade,
    bin         char(12) not null check (bin ~ '^[0-9]{2}(0[1-9]|1[0-2])[4-6][0-9]{7}$'),
    primary key (proposal_id, bin)
);

comment on table proposal_co_proposer is 'Organisations named as co-proposers, by BIN';

create table proposal_status_change (
    proposal_id bigint       not null references proposal (id) on delete cascade,
    seq         integer      not null check (seq >= 0),
    from_status varchar(30),
    to_status   varchar(30)  not null,
    actor       varchar(120) not null,
    comment     varchar(2000),
    changed_at  timestamptz  not null,
    primary key (proposal_id, seq),
    check ((seq = 0) = (from_status is null))
);

comment on table proposal_status_change is 'History of a proposal''s status: from, to, who, why, when';

create table community_meeting_proposal (
    meeting_id  bigint not null references community_meeting (id) on delete cascade,
    proposal_id bigint not null unique references proposal (id),
    primary key (meeting_id, proposal_id)
);

comment on table community_meeting_proposal is 'Proposals a quorate meeting put forward';

create table audit_entry (
    sequence      bigint       primary key check (sequence > 0),
    actor         varchar(120) not null,
    action        varchar(80)  not null,
    entity_type   varchar(80)  not null,
    entity_id     varchar(80)  not null,
    before_json   text,
    after_json    text,
    occurred_at   timestamptz  not null,
    previous_hash char(64)     not null check (previous_hash ~ '^[0-9a-f]{64}$'),
    hash          char(64)     not null unique check (hash ~ '^[0-9a-f]{64}$'),
    check ((sequence = 1) = (previous_hash = repeat('0', 64)))
);

create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);
create index audit_entry_occurred_idx on audit_entry (occurred_at);

comment on table audit_entry is 'Append-only audit log; each entry carries the hash of the previous one';

create function audit_entry_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_entry is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
