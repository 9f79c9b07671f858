-- Notifications: e-mail to people and deliveries to webhooks, each recorded in an outbox before it is sent.

-- ShedLock's table: scheduled work that must run once per cluster takes a lock here (by the database's clock).
create table if not exists shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- What administrators set: the days before the due date that members are reminded, and the day of the week the
-- platform leads' digest goes out (ISO: 1 Monday … 7 Sunday). One row.
create table notification_settings (
    id            boolean     primary key default true check (id),
    reminder_days integer[]   not null default '{7,1}'
                              check (cardinality(reminder_days) <= 5 and 1 <= all (reminder_days)
                                     and 90 >= all (reminder_days)),
    digest_day    smallint    not null default 1 check (digest_day between 1 and 7),
    updated_at    timestamptz not null default now(),
    updated_by    bigint      references person (id) on delete set null,
    version       bigint      not null default 0
);
insert into notification_settings default values;

-- The key that signs unsubscribe links, generated once when app.notification.unsubscribe-secret is not set, so that
-- every instance signs alike. One row.
create table notification_secret (
    id         boolean     primary key default true check (id),
    secret     bytea       not null check (length(secret) >= 32),
    created_at timestamptz not null default now()
);

-- Kinds of e-mail a person chose not to get (everything is sent unless a row says otherwise).
create table notification_opt_out (
    person_id  bigint      not null references person (id) on delete cascade,
    kind       varchar(16) not null check (kind in ('QUARTER_OPENED', 'DUE_SOON', 'OVERDUE', 'DIGEST', 'QUARTER_CLOSED')),
    created_at timestamptz not null default now(),
    primary key (person_id, kind)
);

-- Addresses that administrators registered for chat and automation, with the events each one wants. The secret
-- signs every delivery (HMAC-SHA256); language is that of the deliveries' text.
create table notification_webhook (
    id         bigint generated always as identity primary key,
    name       varchar(100)  not null,
    url        varchar(2000) not null,
    events     varchar(32)[] not null check (cardinality(events) > 0),
    language   varchar(16)   not null default 'en' check (language in ('en', 'zh-CN')),
    secret     varchar(100)  not null,
    enabled    boolean       not null default true,
    created_at timestamptz   not null default now(),
    created_by bigint        references person (id) on delete set null,
    version    bigint        not null default 0
);

-- The outbox and the log: every e-mail and delivery is a row before it is sent. The idempotency key (per person,
-- quarter and kind; per webhook and event) makes recording the same message twice a no-op. Senders claim due rows
-- (for update skip locked), mark them SENDING until locked_until, and record the outcome; a row left SENDING by an
-- instance that died is claimed again once locked_until has passed.
create table notification_outbox (
    id              bigint generated always as identity primary key,
    idempotency_key varchar(200)  not null unique,
    channel         varchar(8)    not null check (channel in ('EMAIL', 'WEBHOOK')),
    kind            varchar(32)   not null,
    person_id       bigint        references person (id) on delete set null,
    webhook_id      bigint        references notification_webhook (id) on delete set null,
    quarter_id      bigint        references quarter (id) on delete set null,
    recipient       varchar(2000) not null,
    payload         text          not null,
    status          varchar(8)    not null default 'PENDING'
                                  check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    locked_until    timestamptz,
    last_error      varchar(2000),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);
create index notification_outbox_due on notification_outbox (next_attempt_at) where status in ('PENDING', 'SENDING');
create index notification_outbox_log on notification_outbox (created_at desc, id desc);
create index notification_outbox_webhook on notification_outbox (webhook_id, id desc) where webhook_id is not null;

-- What the scan has seen: when it started watching (nothing before counts), and how far it has read the assessments'
-- history for submissions and reopenings. One row, written by the first scan.
create table notification_state (
    id             boolean     primary key default true check (id),
    watching_since timestamptz not null,
    event_cursor   bigint      not null
);

-- Each quarter's state as the scan last saw it, so that opening and closing are noticed once; opened_on is the day
-- it was first seen open (reminders before the due date are sent only for days after it).
create table notification_quarter (
    quarter_id   bigint      primary key references quarter (id) on delete cascade,
    state        varchar(8)  not null,
    opened_on    date,
    opened_count integer     not null default 0,
    closed_count integer     not null default 0
);

-- Occasions of a quarter whose messages are recorded (a reminder day, an overdue week, a digest), so that each is
-- worked out once rather than at every scan; the outbox's idempotency keys would make a second time record nothing.
create table notification_occasion (
    quarter_id  bigint      not null references quarter (id) on delete cascade,
    occasion    varchar(40) not null,
    recorded_at timestamptz not null,
    primary key (quarter_id, occasion)
);
