-- Qatysu schema, version 1: the classifier, citizens and staff.
-- Applied by Flyway at start-up; JPA never generates schema.

create table kato_edition (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null unique,
    source      text         not null,
    layout      varchar(20)  not null,
    imported_at timestamptz  not null,
    unit_count  integer      not null check (unit_count >= 0)
);

comment on table kato_edition is 'One imported edition of the administrative-territorial classifier (KATO)';

create table territory (
    code        char(9)      primary key check (code ~ '^[0-9]{9}$' and code !~ '^00'),
    parent_code char(9)      references territory (code),
    level       varchar(40)  not null,
    name_kk     varchar(300) not null,
    name_ru     varchar(300) not null,
    name_en     varchar(300),
    edition_id  bigint       not null references kato_edition (id),
    check (parent_code is null or parent_code <> code)
);

create index territory_parent_idx on territory (parent_code);

comment on table territory is 'KATO units with names in Kazakh, Russian and English and the edition they come from';

create table citizen (
    id             bigint generated always as identity primary key,
    version        integer      not null default 0,
    iin            char(12)     not null unique check (iin ~ '^[0-9]{12}$'),
    surname        varchar(100) not null,
    given_name     varchar(100) not null,
    patronymic     varchar(100),
    birth_date     date         not null,
    sex            char(1)      not null check (sex in ('M', 'F')),
    territory_code char(9)      not null references territory (code),
    first_login_at timestamptz  not null,
    last_login_at  timestamptz  not null,
    login_count    integer      not null check (login_count > 0)
);

create index citizen_territory_idx on citizen (territory_code);

comment on table citizen is 'Residents known through the national identity provider; the only table holding the IIN';

create table staff_member (
    id                bigint generated always as identity primary key,
    version           integer      not null default 0,
    username          varchar(100) not null unique,
    display_name      varchar(200),
    scope_code        char(9)      references territory (code),
    scope_assigned_by varchar(100),
    scope_assigned_at timestamptz,
    last_login_at     timestamptz
);

comment on table staff_member is 'Akimat and ministry staff: roles come from Keycloak, the territorial scope is set here';
