-- Who receives which client's package, and every package sent (or being sent, or failing) for each period.

create table subscription (
    client_id           text        not null,
    name                text        not null,   -- the operator's name for it, e.g. management or it-weekly
    recipients_to       text[]      not null,
    recipients_cc       text[]      not null default '{}',
    language            text        not null check (language in ('ru', 'en')),
    time_zone           text        not null,
    cadence             text        not null check (cadence in ('MONTHLY', 'WEEKLY')),
    cron                text        not null,   -- Quartz, in time_zone; the package covers the period before each firing
    send_when_unchanged boolean     not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    primary key (client_id, name)
);

create table delivery (
    delivery_id     bigserial   primary key,
    client_id       text        not null,
    subscription    text        not null,
    period          text        not null,   -- 2026-11, 2026-W47, or now-<instant> for "run now"
    period_start    timestamptz,
    period_end      timestamptz,
    message_id      text        not null unique,
    state           text        not null check (state in ('PENDING', 'SENDING', 'SENT', 'RETRYING', 'SKIPPED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    claimed_by      text,
    claimed_until   timestamptz,
    changes_from    timestamptz,            -- the previous package's changes_to: nothing falls between two packages
    changes_to      timestamptz,
    report_id       bigint      references report (report_id),
    created_at      timestamptz not null,
    sent_at         timestamptz,
    foreign key (client_id, subscription) references subscription (client_id, name) on delete cascade,
    unique (client_id, subscription, period)
);
create index delivery_due on delivery (next_attempt_at) where state in ('PENDING', 'RETRYING', 'SENDING');
create index delivery_by_client on delivery (client_id, created_at desc);
