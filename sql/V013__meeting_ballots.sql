-- Qatysu schema, version 13: ballots cast at local community meetings (сход).
--
-- A meeting held during voting collects ballots on paper; akimat staff enter them twice like any paper ballot, naming
-- the meeting, and the ballot counts through the same ballot box with the channel MEETING — once per person across
-- every channel. The voter is then counted among the meeting's attendees.

alter table voting_participation drop constraint voting_participation_channel_check;
alter table voting_participation add constraint voting_participation_channel_check
    check (channel in ('WEB', 'MOBILE', 'PAPER', 'MEETING'));

alter table ballot drop constraint ballot_channel_check;
alter table ballot add constraint ballot_channel_check check (channel in ('WEB', 'MOBILE', 'PAPER', 'MEETING'));

alter table paper_ballot add column meeting_id bigint references community_meeting (id);
create index paper_ballot_meeting on paper_ballot (meeting_id) where meeting_id is not null;

comment on column paper_ballot.meeting_id is
    'The local community meeting that collected the ballot (held during voting, in the round''s territory); null for '
    'a ballot cast at the akimat';
