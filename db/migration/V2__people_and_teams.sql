-- People who sign in, the groups (departments) and teams of the organisation, and who belongs to which team.

create table person (
    id                 bigint generated always as identity primary key,
    username           varchar(64)  not null,
    display_name       varchar(200) not null,
    email              varchar(254),
    preferred_language varchar(16)  not null default 'en' check (preferred_language in ('en', 'zh-CN')),
    password_hash      varchar(200) not null,
    role               varchar(16)  not null check (role in ('MEMBER', 'LEAD', 'ADMIN')),
    enabled            boolean      not null default true,
    created_at         timestamptz  not null default now(),
    version            bigint       not null default 0,
    check (username = lower(username) and username ~ '^[a-z0-9][a-z0-9._-]*$')
);
create unique index person_username_key on person (username);
create unique index person_email_key on person (lower(email));
create index person_display_name_idx on person (lower(display_name));

create table team_group (
    id         bigint generated always as identity primary key,
    name       varchar(200) not null,
    enabled    boolean      not null default true,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
create unique index team_group_name_key on team_group (lower(name));

create table team (
    id         bigint generated always as identity primary key,
    slug       varchar(64)  not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       varchar(200) not null,
    group_id   bigint       not null references team_group (id),
    enabled    boolean      not null default true,
    created_at timestamptz  not null default now(),
    version    bigint       not null default 0
);
create index team_group_idx on team (group_id);
create index team_name_idx on team (lower(name));

create table membership (
    person_id  bigint      not null references person (id) on delete cascade,
    team_id    bigint      not null references team (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (person_id, team_id)
);
create index membership_team_idx on membership (team_id);

-- Failed sign-ins per username (whether or not such a person exists), to refuse further tries for a while.
create table sign_in_throttle (
    username      varchar(200) primary key,
    failures      integer      not null,
    window_start  timestamptz  not null,
    locked_until  timestamptz
);
