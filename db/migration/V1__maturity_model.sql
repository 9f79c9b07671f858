-- The maturity model as data: one row set per model version, never changed once imported, so that answers given
-- against a version keep their wording when a newer version arrives. Every text has one row per language; in a row
-- with several texts, a text the language lacks is null and the application falls back to English.

create table model_version (
    id             bigint generated always as identity primary key,
    model_id       varchar(100) not null unique,
    model_key      varchar(60)  not null,
    version        integer      not null check (version > 0),
    published      date,
    content_hash   char(64)     not null,
    source_name    varchar(500) not null,
    imported_at    timestamptz  not null default now(),
    unique (model_key, version)
);

create table model_version_text (
    model_version_id bigint      not null references model_version (id) on delete cascade,
    lang             varchar(16) not null,
    name             text        not null,
    primary key (model_version_id, lang)
);

create table model_language (
    model_version_id bigint      not null references model_version (id) on delete cascade,
    lang             varchar(16) not null,
    required         boolean     not null,
    position         integer     not null,
    primary key (model_version_id, lang)
);

create table model_source (
    model_version_id bigint  not null references model_version (id) on delete cascade,
    position         integer not null,
    name             text    not null,
    url              text    not null,
    licence          text    not null,
    primary key (model_version_id, position)
);

create table model_translation_note (
    model_version_id bigint      not null references model_version (id) on delete cascade,
    position         integer     not null,
    path             text        not null,
    lang             varchar(16) not null,
    note             text        not null,
    primary key (model_version_id, position)
);

create table model_intro_section (
    id               bigint generated always as identity primary key,
    model_version_id bigint  not null references model_version (id) on delete cascade,
    position         integer not null,
    unique (model_version_id, position)
);

create table model_intro_section_text (
    section_id bigint      not null references model_intro_section (id) on delete cascade,
    lang       varchar(16) not null,
    heading    text        not null,
    primary key (section_id, lang)
);

create table model_intro_paragraph (
    id         bigint generated always as identity primary key,
    section_id bigint  not null references model_intro_section (id) on delete cascade,
    position   integer not null,
    unique (section_id, position)
);

create table model_intro_paragraph_text (
    paragraph_id bigint      not null references model_intro_paragraph (id) on delete cascade,
    lang         varchar(16) not null,
    text         text        not null,
    primary key (paragraph_id, lang)
);

create table model_stage (
    id               bigint generated always as identity primary key,
    model_version_id bigint   not null references model_version (id) on delete cascade,
    level            smallint not null check (level between 1 and 4),
    unique (model_version_id, level)
);

create table model_stage_text (
    stage_id bigint      not null references model_stage (id) on delete cascade,
    lang     varchar(16) not null,
    name     text        not null,
    primary key (stage_id, lang)
);

create table aspect (
    id               bigint generated always as identity primary key,
    model_version_id bigint      not null references model_version (id) on delete cascade,
    key              varchar(60) not null,
    position         integer     not null,
    unique (model_version_id, key),
    unique (model_version_id, position)
);

create table aspect_text (
    aspect_id   bigint      not null references aspect (id) on delete cascade,
    lang        varchar(16) not null,
    name        text,
    question    text,
    description text,
    primary key (aspect_id, lang),
    check (num_nonnulls(name, question, description) > 0)
);

create table aspect_level (
    id        bigint generated always as identity primary key,
    aspect_id bigint   not null references aspect (id) on delete cascade,
    number    smallint not null check (number between 1 and 4),
    unique (aspect_id, number)
);

create table aspect_level_text (
    level_id    bigint      not null references aspect_level (id) on delete cascade,
    lang        varchar(16) not null,
    title       text,
    description text,
    primary key (level_id, lang),
    check (num_nonnulls(title, description) > 0)
);

create table level_characteristic (
    id       bigint generated always as identity primary key,
    level_id bigint      not null references aspect_level (id) on delete cascade,
    key      varchar(60) not null,
    position integer     not null,
    unique (level_id, key),
    unique (level_id, position)
);

create table level_characteristic_text (
    characteristic_id bigint      not null references level_characteristic (id) on delete cascade,
    lang              varchar(16) not null,
    text              text        not null,
    primary key (characteristic_id, lang)
);

create table level_characteristic_detail (
    id                bigint generated always as identity primary key,
    characteristic_id bigint  not null references level_characteristic (id) on delete cascade,
    position          integer not null,
    unique (characteristic_id, position)
);

create table level_characteristic_detail_text (
    detail_id bigint      not null references level_characteristic_detail (id) on delete cascade,
    lang      varchar(16) not null,
    text      text        not null,
    primary key (detail_id, lang)
);

create table level_scenario (
    id       bigint generated always as identity primary key,
    level_id bigint      not null references aspect_level (id) on delete cascade,
    key      varchar(60) not null,
    position integer     not null,
    unique (level_id, key),
    unique (level_id, position)
);

create table level_scenario_text (
    scenario_id bigint      not null references level_scenario (id) on delete cascade,
    lang        varchar(16) not null,
    text        text        not null,
    primary key (scenario_id, lang)
);

create table question (
    id               bigint generated always as identity primary key,
    model_version_id bigint      not null references model_version (id) on delete cascade,
    aspect_id        bigint      not null references aspect (id) on delete cascade,
    key              varchar(60) not null,
    position         integer     not null,
    unique (model_version_id, key),
    unique (aspect_id, position)
);

create table question_text (
    question_id bigint      not null references question (id) on delete cascade,
    lang        varchar(16) not null,
    text        text        not null,
    primary key (question_id, lang)
);

create table question_option (
    id          bigint generated always as identity primary key,
    question_id bigint   not null references question (id) on delete cascade,
    value       smallint not null check (value between 1 and 4),
    unique (question_id, value)
);

create table question_option_text (
    option_id   bigint      not null references question_option (id) on delete cascade,
    lang        varchar(16) not null,
    label       text,
    description text,
    primary key (option_id, lang),
    check (num_nonnulls(label, description) > 0)
);
