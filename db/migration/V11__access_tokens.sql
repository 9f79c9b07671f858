-- Personal access tokens for scripts: only the SHA-256 of a token is stored; the token itself is shown once.

create table access_token (
    id           bigint generated always as identity primary key,
    person_id    bigint       not null references person (id) on delete cascade,
    name         varchar(100) not null check (length(btrim(name)) > 0),
    token_hash   char(64)     not null unique,
    scope        varchar(16)  not null check (scope in ('READ', 'READ_WRITE')),
    created_at   timestamptz  not null default now(),
    expires_at   timestamptz  not null,
    last_used_at timestamptz,
    check (expires_at > created_at)
);
create index access_token_person_idx on access_token (person_id);
