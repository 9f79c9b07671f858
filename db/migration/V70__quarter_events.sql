-- Who opened, closed or reopened a quarter, and when; a reopening also says why.

create table quarter_event (
    id         bigint generated always as identity primary key,
    quarter_id bigint        not null references quarter (id) on delete cascade,
    kind       varchar(8)    not null check (kind in ('OPEN', 'CLOSE', 'REOPEN')),
    reason     varchar(2000),
    changed_by bigint        references person (id),
    changed_at timestamptz   not null default now(),
    check (kind <> 'REOPEN' or length(btrim(reason)) > 0)
);
create index quarter_event_quarter_idx on quarter_event (quarter_id, id);
