-- Qatysu schema, version 11: the participation dashboard.
--
-- Eligible residents per KATO unit are reference data an operator loads (CSV upload); turnout is counted voters over
-- this figure. The dashboard's aggregates read who voted (voting_participation joined to citizen for residence, birth
-- date and sex), never what was voted.

create table eligible_population (
    territory_code     char(9)      primary key references territory (code),
    eligible_residents integer      not null check (eligible_residents >= 0),
    as_of              date         not null,
    loaded_by          varchar(120) not null,
    loaded_at          timestamptz  not null
);

comment on table eligible_population is
    'Residents eligible to vote per KATO unit (reference data loaded by an operator): the denominator of turnout';

-- Voter-side aggregates start from the residents of a subtree: their participations with a counted ballot.
create index voting_participation_citizen_cast on voting_participation (citizen_id, round_id) where casts > 0;
