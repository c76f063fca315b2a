-- Qatysu schema, version 10: implementation monitoring of funded projects.
--
-- Akimat staff keep one implementation record per funded proposal: planned milestones, percentage done, money
-- contracted and spent, photos, and a history of every update (the public timeline). The checks repeat what
-- kz.qatysu.monitoring.domain.Implementation guarantees, so that no other writer can store a record the domain
-- would refuse. Photo bytes live in the attachment store (qatysu.attachments.dir) under storage_key, like proposal
-- attachments.

create table implementation (
    id                  bigint generated always as identity primary key,
    version             integer      not null default 0,
    proposal_id         bigint       not null unique references proposal (id),
    -- copied from the proposal: the staff scope checks and the overdue query filter on it
    territory_code      char(9)      not null references territory (code),
    -- the expert council's assessed cost when the record was opened: contracting above it needs a note
    assessed_cost       bigint       not null check (assessed_cost > 0),
    status              varchar(12)  not null check (status in ('PLANNED', 'IN_PROGRESS', 'COMPLETED')),
    percent_done        integer      not null check (percent_done between 0 and 100),
    contracted          bigint       not null check (contracted >= 0),
    spent               bigint       not null check (spent >= 0),
    money_note          varchar(1000),
    planned_completion  date         not null,
    completed_on        date,
    -- the earliest date something is due: an open milestone's planned date or the planned completion; none once
    -- completed. Overdue = due_date before today.
    due_date            date,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    check ((status = 'COMPLETED') = (completed_on is not null)),
    check ((status = 'COMPLETED') = (due_date is null)),
    check (status <> 'COMPLETED' or percent_done = 100),
    check (spent <= contracted or money_note is not null),
    check (contracted <= assessed_cost or money_note is not null)
);

create index implementation_territory_due_idx on implementation (territory_code, due_date)
    where status <> 'COMPLETED';

comment on table implementation is
    'Implementation of a funded proposal: progress, money (whole tenge) and dates, kept by akimat staff';
comment on column implementation.money_note is
    'Staff''s explanation, required while spent exceeds contracted or contracted exceeds the assessed cost';

create table implementation_milestone (
    id                 bigint generated always as identity primary key,
    implementation_id  bigint       not null references implementation (id),
    seq                integer      not null check (seq >= 1),
    title              varchar(200) not null check (btrim(title) <> ''),
    planned_on         date         not null,
    done_on            date,
    unique (implementation_id, seq)
);

comment on table implementation_milestone is 'Planned steps of an implementation, numbered from 1; done once done_on is set';

create table implementation_update (
    implementation_id  bigint        not null references implementation (id),
    seq                integer       not null check (seq >= 0),
    kind               varchar(20)   not null check (kind in ('STARTED', 'MILESTONE_PLANNED', 'MILESTONE_DONE',
                           'PROGRESS', 'PHOTO', 'RESCHEDULED', 'COMPLETED')),
    actor              varchar(120)  not null,
    changed_at         timestamptz   not null,
    status             varchar(12)   not null,
    percent_done       integer       not null check (percent_done between 0 and 100),
    contracted         bigint        not null check (contracted >= 0),
    spent              bigint        not null check (spent >= 0),
    detail             varchar(1000),
    primary key (implementation_id, seq),
    check ((seq = 0) = (kind = 'STARTED'))
);

comment on table implementation_update is
    'Every update of an implementation: who, when, what, and the figures after it (the public timeline shows it '
    'without the actor)';

create table implementation_photo (
    id                 bigint generated always as identity primary key,
    implementation_id  bigint       not null references implementation (id),
    caption            varchar(300) not null check (btrim(caption) <> ''),
    media_type         varchar(40)  not null check (media_type in ('image/png', 'image/jpeg')),
    size_bytes         bigint       not null check (size_bytes > 0 and size_bytes <= 20971520),
    sha256             char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key        char(64)     not null unique check (storage_key ~ '^[0-9a-f]{64}$'),
    uploaded_by        varchar(120) not null,
    uploaded_at        timestamptz  not null,
    unique (implementation_id, sha256)
);

comment on table implementation_photo is
    'Photos of a project being built: re-encoded PNG/JPEG in the attachment store under storage_key';
