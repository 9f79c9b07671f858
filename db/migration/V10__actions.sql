-- What a team decides to do about a gap: its actions, with owner, due date, status and an optional planned level.
-- Actions belong to the team, not to one assessment; the aspect and characteristic they serve are rows of the model
-- version they were created with (matched by aspect key across versions).

create table action (
    id                   bigint generated always as identity primary key,
    team_id              bigint        not null references team (id),
    aspect_id            bigint        not null references aspect (id),
    characteristic_level smallint      check (characteristic_level between 1 and 4),
    characteristic_key   varchar(32),
    title                varchar(200)  not null check (length(btrim(title)) > 0),
    owner_id             bigint        references person (id),
    due_on               date          check (due_on between date '2000-01-01' and date '2100-12-31'),
    status               varchar(12)   not null default 'PLANNED'
                                       check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    tracker_url          varchar(2000) check (tracker_url ~* '^https?://'),
    notes                varchar(2000),
    planned_level        smallint      check (planned_level between 1 and 4),
    done_at              timestamptz,
    created_at           timestamptz   not null default now(),
    created_by           bigint        references person (id),
    updated_at           timestamptz   not null default now(),
    updated_by           bigint        references person (id),
    version              bigint        not null default 0,
    check ((characteristic_level is null) = (characteristic_key is null)),
    check ((status = 'DONE') = (done_at is not null))
);
create index action_team_idx on action (team_id, id);
-- Open actions past their due date, for the overdue query of notifications and the dashboard.
create index action_open_due_idx on action (due_on) where status in ('PLANNED', 'IN_PROGRESS');

-- Comments on an action, by its team's members, platform leads and administrators.
create table action_comment (
    id         bigint generated always as identity primary key,
    action_id  bigint        not null references action (id) on delete cascade,
    text       varchar(2000) not null check (length(btrim(text)) > 0),
    author_id  bigint        references person (id),
    created_at timestamptz   not null default now()
);
create index action_comment_action_idx on action_comment (action_id, id);

-- Every change of a team's actions; kept when an action is deleted (its title is in the event).
create table action_event (
    id         bigint generated always as identity primary key,
    team_id    bigint        not null references team (id),
    action_id  bigint,
    title      varchar(200)  not null,
    kind       varchar(12)   not null check (kind in ('CREATE', 'CHANGE', 'COMMENT', 'DELETE', 'IMPORT')),
    field      varchar(32),
    old_value  text,
    new_value  text,
    changed_by bigint        references person (id),
    changed_at timestamptz   not null default now()
);
create index action_event_team_idx on action_event (team_id, id);
create index action_event_action_idx on action_event (action_id, id);

-- An answer pre-filled from the CNCF assessment tool's share URL is carried over like one taken from the previous
-- quarter (it counts as not reviewed until someone confirms or changes it); imported tells where the value came
-- from, and means something only while the answer is carried over.
alter table answer add column imported boolean not null default false;

alter table assessment_event drop constraint assessment_event_kind_check;
alter table assessment_event add constraint assessment_event_kind_check
    check (kind in ('ANSWER', 'COMMENT', 'TARGET', 'CONFIRM', 'SUBMIT', 'REOPEN', 'START', 'IMPORT'));
