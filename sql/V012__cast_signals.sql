-- Signals of where web and mobile ballots come from, for the moderators' anomaly report (issue 7): the network
-- (IPv4 /24, IPv6 /48) and a keyed hash of the client's user agent and language, with the minute of the cast.
-- Nothing links a signal to a citizen or to a ballot: no ids, and the minute is coarser than the ballots' times.

create table cast_signal (
    id           bigint generated always as identity primary key,
    round_id     bigint      not null references budget_round (id),
    channel      varchar(10) not null check (channel in ('WEB', 'MOBILE')),
    cast_minute  timestamptz not null check (cast_minute = date_trunc('minute', cast_minute)),
    network      varchar(50) not null,
    device       char(64)    not null check (device ~ '^[0-9a-f]{64}$')
);

create index cast_signal_round_minute on cast_signal (round_id, cast_minute);

comment on table cast_signal is
    'Where web and mobile casts came from (network prefix, keyed device hash, minute), never who cast what: '
    'bursts from one network or device are flagged for human review, never rejected';
