-- The report service's own tables.

-- The latest diffed snapshot of each source, learned from change-set events.
create table source_state (
    client_id          text        not null,
    source_id          text        not null,
    latest_snapshot_id bigint      not null,
    updated_at         timestamptz not null,
    primary key (client_id, source_id)
);

create table report (
    report_id    bigserial primary key,
    client_id    text        not null,
    period       text,                  -- e.g. 2026-11 for the scheduled monthly report, null on demand
    trigger      text        not null,  -- ON_DEMAND or SCHEDULED
    created_at   timestamptz not null,
    size_bytes   bigint      not null,
    snapshot_ids text        not null,  -- the snapshots the matrix shows, comma-separated
    folder_count bigint      not null,
    change_count bigint      not null
);
-- one scheduled report per client and period, however many replicas run the schedule
create unique index report_per_period on report (client_id, period) where period is not null;
create index report_by_client on report (client_id, created_at desc);

create table report_content (
    report_id bigint primary key references report (report_id),
    content   bytea not null
);
