-- Qatysu schema, version 8: paper ballots entered twice by akimat staff.
--
-- A paper ballot counts only after two entries by two different staff members agree on the voter, the voter's
-- document data and the choice. Until then it is pending (one entry) or mismatched (entries disagree); only then
-- does it go through the same ballot box as every other channel (a ballot row under the voter's pseudonym, the
-- participation row naming the person). Once decided, the choices typed by staff are wiped from the entries: the
-- counted ballot lives only in "ballot". Who entered, confirmed and decided, and when, stays.

-- The round's rule for a paper ballot of a person who already voted on the web or in the mobile application:
-- REFUSE (the entry is refused) or FLAG (the agreed ballot is held for a moderator, who counts it, replacing the
-- online ballot, or rejects it). A rule like the others: frozen when voting opens.
alter table budget_round
    add column paper_after_online varchar(10) not null default 'REFUSE'
        check (paper_after_online in ('REFUSE', 'FLAG'));

comment on column budget_round.paper_after_online is
    'Paper ballot of a person who already voted online: REFUSE it, or FLAG it for a moderator''s decision';

create or replace function budget_round_refuse_rule_change() returns trigger
    language plpgsql as
$$
begin
    if old.rules_frozen_at is not null and (
            new.territory_code, new.total_budget, new.project_cost_cap, new.minimum_age, new.support_threshold,
            new.zone_id, new.ballot_kind, new.ballot_min_picks, new.ballot_max_picks, new.ballot_min_budget_share,
            new.ballot_points, new.ballot_max_points_per_project, new.allocation_rule, new.rules_manifest,
            new.rules_manifest_sha256, new.rules_frozen_at, new.paper_after_online)
        is distinct from (
            old.territory_code, old.total_budget, old.project_cost_cap, old.minimum_age, old.support_threshold,
            old.zone_id, old.ballot_kind, old.ballot_min_picks, old.ballot_max_picks, old.ballot_min_budget_share,
            old.ballot_points, old.ballot_max_points_per_project, old.allocation_rule, old.rules_manifest,
            old.rules_manifest_sha256, old.rules_frozen_at, old.paper_after_online) then
        raise exception 'round.error.rules-frozen' using errcode = 'check_violation';
    end if;
    return new;
end;
$$;

create table paper_ballot (
    id         bigint generated always as identity primary key,
    version    integer      not null default 0,
    round_id   bigint       not null references budget_round (id),
    serial     varchar(20)  not null check (serial ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
    citizen_id bigint       not null references citizen (id),
    status     varchar(10)  not null
        check (status in ('PENDING', 'MISMATCH', 'FLAGGED', 'CONFIRMED', 'REFUSED', 'REJECTED')),
    decided_by varchar(120),
    decided_at timestamptz,
    unique (round_id, serial),
    check ((status in ('PENDING', 'MISMATCH', 'FLAGGED')) = (decided_at is null)),
    check ((decided_by is null) = (decided_at is null))
);

-- One paper ballot per person and round, unless it was refused or rejected.
create unique index paper_ballot_one_per_person on paper_ballot (round_id, citizen_id)
    where status in ('PENDING', 'MISMATCH', 'FLAGGED', 'CONFIRMED');
create index paper_ballot_open on paper_ballot (round_id, status) where status in ('PENDING', 'MISMATCH', 'FLAGGED');

comment on table paper_ballot is
    'A numbered paper ballot being entered by staff; counts (through the ballot table) once two entries agree';
comment on column paper_ballot.citizen_id is 'The voter named by the first entry, then the voter the entries agreed on';
comment on column paper_ballot.decided_by is
    'Who confirmed it (the second matching entry), refused it, or counted or rejected it as a moderator';

create table paper_ballot_entry (
    id              bigint generated always as identity primary key,
    paper_ballot_id bigint       not null references paper_ballot (id),
    ordinal         integer      not null check (ordinal >= 1),
    citizen_id      bigint       not null references citizen (id),
    document_digest char(64)     not null check (document_digest ~ '^[0-9a-f]{64}$'),
    choice          text         check (choice ~ '^[0-9]+:[0-9]+(,[0-9]+:[0-9]+)*$'),
    entered_by      varchar(120) not null,
    entered_at      timestamptz  not null,
    unique (paper_ballot_id, ordinal)
);

comment on table paper_ballot_entry is 'One staff member''s typing of a paper ballot; compared with the others, never counted itself';
comment on column paper_ballot_entry.document_digest is
    'SHA-256 of the voter''s name and residence as typed from the documents, so two entries can be compared';
comment on column paper_ballot_entry.choice is
    'The choice as typed ("proposal:points,..."); wiped once the ballot is decided';
