-- Immediate alerts: where a client's alerts go, what was already alerted, and every alert sent (or being retried).

create table alert_channel (
    client_id       text        not null,
    name            text        not null,
    kind            text        not null check (kind in ('EMAIL', 'WEBHOOK')),
    target          text        not null,   -- comma-separated addresses, or the webhook's URL
    secret          text,                   -- the webhook's HMAC key; never answered after its creation
    sensitive_paths text[]      not null default '{}',
    created_at      timestamptz not null,
    primary key (client_id, name)
);

-- one pending check per client: a change set arrived after the last check
create table alert_check (
    client_id       text        primary key,
    requested_at    timestamptz not null,
    checked_at      timestamptz,
    checked_through timestamptz,            -- the changes up to here were looked at
    claimed_until   timestamptz
);

-- a high finding is alerted once while it stays open; resolved, its row goes, so a return alerts again
create table alerted_finding (
    client_id   text        not null,
    finding_key text        not null,
    alerted_at  timestamptz not null,
    primary key (client_id, finding_key)
);

create table alert (
    alert_id        bigserial   primary key,
    client_id       text        not null,
    channel         text        not null,
    event_key       text        not null,   -- finding:<key> or changes:<instant>: one alert per event and channel
    subject         text        not null,
    body            text        not null,   -- the JSON a webhook receives; the mail's text is made from it
    state           text        not null check (state in ('PENDING', 'SENDING', 'SENT', 'RETRYING')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    claimed_until   timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    foreign key (client_id, channel) references alert_channel (client_id, name) on delete cascade,
    unique (client_id, channel, event_key)
);
create index alert_due on alert (next_attempt_at) where state in ('PENDING', 'RETRYING', 'SENDING');
