-- Qatysu schema, version 3: the author's notification list and citizens' support for proposals.

create table notification (
    id           bigint generated always as identity primary key,
    recipient_id bigint       not null references citizen (id),
    proposal_id  bigint       not null references proposal (id),
    from_status  varchar(30),
    to_status    varchar(30)  not null,
    message_key  varchar(120) not null check (message_key ~ '^[a-z0-9.-]+$'),
    comment      varchar(2000),
    created_at   timestamptz  not null,
    read_at      timestamptz,
    check (read_at is null or read_at >= created_at)
);

create index notification_recipient_idx on notification (recipient_id, created_at desc);
create index notification_unread_idx on notification (recipient_id) where read_at is null;

comment on table notification is 'What the cabinet shows a proposal''s author: one row per status change of their proposal';

create table proposal_support (
    proposal_id  bigint      not null references proposal (id),
    citizen_id   bigint      not null references citizen (id),
    supported_at timestamptz not null,
    primary key (proposal_id, citizen_id)
);

create index proposal_support_citizen_idx on proposal_support (citizen_id);

comment on table proposal_support is 'Residents supporting a proposal during support collection, each once';
