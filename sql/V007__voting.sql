-- Qatysu schema, version 7: voting.
--
-- Who voted and what was voted are kept apart:
--   * voting_participation names the citizen (one row per citizen and round: the database's "one person, one
--     ballot"), but holds no choice;
--   * ballot holds the choices, each under a keyed pseudonym of voter and round (HMAC with a server secret that is
--     not in the database), so this table alone reveals no one.
-- A citizen may cast again until voting closes: every cast is a new ballot version; the previous one is marked
-- superseded and kept, never counted. The partial unique index leaves exactly one current ballot per voter.
--
-- The closing race is decided by row locks on budget_round: a cast reads the round's phase with FOR KEY SHARE (its
-- foreign key would take that lock anyway) and keeps it until commit; the close takes FOR UPDATE before leaving the
-- voting phase. A cast either commits before the close can start, or waits and then sees the round closed.

create table voting_participation (
    round_id        bigint      not null references budget_round (id),
    citizen_id      bigint      not null references citizen (id),
    ballot_opened_at timestamptz,
    first_cast_at   timestamptz,
    last_cast_at    timestamptz,
    casts           integer     not null default 0 check (casts >= 0),
    channel         varchar(10) check (channel in ('WEB', 'MOBILE', 'PAPER')),
    primary key (round_id, citizen_id),
    check ((casts = 0) = (last_cast_at is null))
);

comment on table voting_participation is
    'Who took part in a round (one row per person and round, whatever the channel); never what they chose';
comment on column voting_participation.ballot_opened_at is
    'When the citizen first opened the ballot: a ballot opened but never cast earns a reminder in the cabinet';

create table ballot (
    id             bigint generated always as identity primary key,
    round_id       bigint      not null references budget_round (id),
    voter          char(64)    not null,
    version        integer     not null check (version >= 1),
    channel        varchar(10) not null check (channel in ('WEB', 'MOBILE', 'PAPER')),
    proposal_ids   bigint[]    not null,
    points         integer[]   not null,
    choice         text        not null,
    receipt_hash   char(64)    not null unique,
    receipt_sealed bytea       not null,
    cast_at        timestamptz not null,
    superseded_at  timestamptz,
    unique (round_id, voter, version),
    check (cardinality(proposal_ids) = cardinality(points) and cardinality(proposal_ids) >= 1)
);

create unique index ballot_one_current on ballot (round_id, voter) where superseded_at is null;
create index ballot_counted on ballot (round_id, receipt_hash) where superseded_at is null;

comment on column ballot.voter is 'HMAC-SHA256(server key, round, citizen): the same person in one round, no one outside it';
comment on column ballot.choice is 'Canonical form "proposal:points,..." over which the receipt code was computed';
comment on column ballot.receipt_hash is 'SHA-256 of the receipt code the voter holds: what the published list shows';
comment on column ballot.receipt_sealed is
    'The receipt code, AES-GCM-sealed with a key derived from the server key and the voter: shown again only to them';

-- After the close: the counted receipts' Merkle root, published once per round.
create table receipt_publication (
    round_id     bigint primary key references budget_round (id),
    counted      integer     not null check (counted >= 0),
    superseded   integer     not null check (superseded >= 0),
    merkle_root  char(64)    not null,
    published_at timestamptz not null
);

comment on table receipt_publication is
    'The list of counted receipt hashes of a closed round (sorted, from ballot) and the RFC 6962 Merkle root over it';
