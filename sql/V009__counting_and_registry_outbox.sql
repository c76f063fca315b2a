-- Qatysu schema, version 9: counting closed rounds, their signed results, and publishing them to registries.
--
-- The close-round batch job (META-INF/batch-jobs/close-round.xml) closes rounds whose voting ended, tallies their
-- counted ballots in checkpointed chunks (round_tally: each chunk's increments commit together with the job
-- repository's checkpoint, so a job restarted after a crash neither loses nor double-counts a chunk), runs the
-- round's frozen allocation rule, and stores, in one transaction: the outcome with every project's explanation, the
-- XML-DSig-signed results protocol, and one outbox message per registry target (registry_message).
-- The publish-allocations relay then delivers the outbox, recording every attempt (registry_delivery_attempt).

create table round_count (
    round_id          bigint primary key references budget_round (id),
    status            varchar(10) not null check (status in ('TALLYING', 'COUNTED')),
    ballots           integer     not null default 0 check (ballots >= 0),
    started_at        timestamptz not null,
    counted_at        timestamptz,
    job_execution_id  bigint,
    check ((status = 'COUNTED') = (counted_at is not null))
);

comment on table round_count is
    'A closed round being counted (TALLYING) or counted (COUNTED) by the close-round job; at most one count per round';
comment on column round_count.ballots is 'Counted ballots tallied so far (all of them once COUNTED)';

-- The tally reads counted ballots in (round, id) order, a page at a time after its checkpoint.
create index ballot_tally_order on ballot (round_id, id) where superseded_at is null;

create table round_tally (
    round_id     bigint  not null references round_count (round_id),
    proposal_id  bigint  not null references proposal (id),
    ballots      integer not null check (ballots >= 0),
    points       bigint  not null check (points >= 0),
    primary key (round_id, proposal_id)
);

comment on table round_tally is
    'Per project of a counted round: counted ballots naming it, and their points (= ballots for approval and knapsack)';

create table round_outcome (
    round_id          bigint primary key references round_count (round_id),
    version           integer     not null check (version >= 1),
    rule              varchar(80) not null,
    ballots           integer     not null check (ballots >= 0),
    budget            bigint      not null check (budget > 0),
    total_cost        bigint      not null check (total_cost >= 0 and total_cost <= budget),
    outcome_json      text        not null,
    protocol_xml      text        not null,
    protocol_digest   char(64)    not null,
    merkle_root       char(64)    not null,
    closed_at         timestamptz not null,
    counted_at        timestamptz not null
);

comment on table round_outcome is
    'The allocation of a counted round: the engine''s outcome (JSON, every project explained) and the signed protocol';
comment on column round_outcome.protocol_digest is
    'SHA-256 (hex) of the exclusive-C14N form of the signed protocol document';

create table round_outcome_project (
    round_id     bigint      not null references round_outcome (round_id),
    proposal_id  bigint      not null references proposal (id),
    funded       boolean     not null,
    step         integer     not null check (step >= 0),
    amount       bigint      not null check (amount >= 0),
    votes        integer     not null check (votes >= 0),
    points       bigint      not null check (points >= 0),
    reason       varchar(40) not null,
    primary key (round_id, proposal_id),
    check (funded = (step > 0)),
    check (funded or amount = 0)
);

create table registry_message (
    id               bigint generated always as identity primary key,
    idempotency_key  varchar(200) not null unique,
    target           varchar(40)  not null,
    kind             varchar(40)  not null,
    round_id         bigint       not null references budget_round (id),
    version          integer      not null check (version >= 1),
    body             bytea        not null,
    body_sha256      char(64)     not null,
    status           varchar(12)  not null check (status in ('PENDING', 'DELIVERED', 'DEAD', 'SUPERSEDED')),
    attempts         integer      not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz  not null,
    created_at       timestamptz  not null,
    delivered_at     timestamptz,
    last_detail      varchar(500),
    unique (target, kind, round_id, version),
    check ((status = 'DELIVERED') = (delivered_at is not null))
);

create index registry_message_due on registry_message (next_attempt_at) where status = 'PENDING';

comment on table registry_message is
    'Outbox: what a registry must receive, written in the transaction that produced it; the relay delivers it with '
    'its idempotency key, in version order per round and target (an older version never follows a newer one: '
    'SUPERSEDED), and gives up (DEAD) after a refusal (4xx) or too many attempts';

create table registry_delivery_attempt (
    id               bigint generated always as identity primary key,
    message_id       bigint       not null references registry_message (id),
    attempted_at     timestamptz  not null,
    target           varchar(40)  not null,
    result           varchar(10)  not null check (result in ('DELIVERED', 'RETRY', 'REJECTED')),
    http_status      integer      not null,
    response_digest  char(64),
    duration_ms      integer      not null check (duration_ms >= 0),
    detail           varchar(500)
);

create index registry_delivery_attempt_message on registry_delivery_attempt (message_id, attempted_at);
