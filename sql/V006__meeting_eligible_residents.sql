-- Qatysu schema, version 6: the number of eligible residents a community meeting's quorum is reckoned against.
--
-- The population register is outside the platform's reach: the akimat states, from the register, how many adult
-- residents the meeting's territory had on the meeting day, and staff enter that number with the meeting. A share
-- quorum (e.g. 10 % of the residents) cannot be decided without it; an absolute quorum does not need it.

alter table community_meeting
    add column eligible_residents integer check (eligible_residents > 0);

comment on column community_meeting.eligible_residents is
    'Adult residents of the territory on the meeting day as stated by the akimat from the population register';
