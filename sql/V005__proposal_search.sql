-- Qatysu schema, version 5: full-text search over proposals for the public proposal list.
-- The 'simple' configuration only lower-cases and splits words (there is no Kazakh stemmer, and one configuration
-- for Kazakh, Russian and English keeps the index language-neutral); case folding of Cyrillic needs a UTF-8
-- LC_CTYPE such as C.UTF-8. The title weighs more (A) than the description (B) in the ranking.

alter table proposal
    add column search_vector tsvector generated always as (
        setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', description), 'B')
    ) stored;

create index proposal_search_idx on proposal using gin (search_vector);

comment on column proposal.search_vector is 'Words of title (weight A) and description (weight B) for full-text search; generated';
