-- Survey rounds (quarters) and each team's assessment in a quarter: answers, targets and the history of every change.

create table quarter (
    id         bigint generated always as identity primary key,
    label      varchar(7)  not null unique check (label ~ '^[0-9]{4}-Q[1-4]$'),
    opens_on   date        not null,
    due_on     date        not null,
    state      varchar(8)  not null default 'PLANNED' check (state in ('PLANNED', 'OPEN', 'CLOSED')),
    created_at timestamptz not null default now(),
    version    bigint      not null default 0,
    check (due_on >= opens_on)
);
-- One survey round at a time.
create unique index quarter_one_open on quarter (state) where state = 'OPEN';

create table assessment (
    id               bigint generated always as identity primary key,
    team_id          bigint      not null references team (id),
    quarter_id       bigint      not null references quarter (id),
    model_version_id bigint      not null references model_version (id),
    status           varchar(12) not null default 'IN_PROGRESS' check (status in ('IN_PROGRESS', 'SUBMITTED')),
    created_at       timestamptz not null default now(),
    created_by       bigint      references person (id),
    submitted_at     timestamptz,
    submitted_by     bigint      references person (id),
    updated_at       timestamptz not null default now(),
    version          bigint      not null default 0,
    unique (team_id, quarter_id),
    check ((status = 'SUBMITTED') = (submitted_at is not null))
);
create index assessment_quarter_idx on assessment (quarter_id, team_id);

-- An assessment's answer to one question of its model version: a level (the chosen option) or not applicable,
-- and a comment. carried_over marks an answer taken from the team's previous assessment until someone confirms it.
create table answer (
    id             bigint generated always as identity primary key,
    assessment_id  bigint      not null references assessment (id) on delete cascade,
    question_id    bigint      not null references question (id),
    level          smallint    check (level between 1 and 4),
    not_applicable boolean     not null default false,
    comment        varchar(2000),
    carried_over   boolean     not null default false,
    updated_at     timestamptz not null default now(),
    updated_by     bigint      references person (id),
    version        bigint      not null default 0,
    unique (assessment_id, question_id),
    check (not (not_applicable and level is not null))
);

create table target (
    assessment_id bigint      not null references assessment (id) on delete cascade,
    aspect_id     bigint      not null references aspect (id),
    level         smallint    check (level between 1 and 4),
    updated_at    timestamptz not null default now(),
    updated_by    bigint      references person (id),
    version       bigint      not null default 0,
    primary key (assessment_id, aspect_id)
);

-- Every change, in order: answers, comments, targets, confirmations, submission and reopening.
create table assessment_event (
    id            bigint generated always as identity primary key,
    assessment_id bigint       not null references assessment (id) on delete cascade,
    kind          varchar(16)  not null check (kind in ('ANSWER', 'COMMENT', 'TARGET', 'CONFIRM', 'SUBMIT', 'REOPEN', 'START')),
    subject       varchar(60),
    old_value     text,
    new_value     text,
    reason        varchar(2000),
    changed_by    bigint       references person (id),
    changed_at    timestamptz  not null default now()
);
create index assessment_event_assessment_idx on assessment_event (assessment_id, id);
