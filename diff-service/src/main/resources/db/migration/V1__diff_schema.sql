-- The diff service's own tables: one change set per snapshot, and the changes it found.

create table change_set (
    snapshot_id          bigint primary key,
    previous_snapshot_id bigint,
    client_id            text        not null,
    source_id            text        not null,
    change_count         bigint      not null,
    baseline             boolean     not null,
    scan_completed_at    timestamptz,
    computed_at          timestamptz not null
);
create index change_set_by_client on change_set (client_id, computed_at desc);

create table access_change (
    change_id      bigserial primary key,
    snapshot_id    bigint      not null references change_set (snapshot_id),
    client_id      text        not null,
    source_id      text        not null,
    path           text collate "C" not null,
    kind           text        not null,
    principal_sid  text,
    principal_name text,
    before_level   text,
    after_level    text,
    cause          text        not null,
    detected_at    timestamptz not null
);
-- A change is identified by what it is, so storing the same snapshot's changes twice is impossible.
create unique index access_change_natural on access_change (snapshot_id, path, kind, coalesce(principal_sid, ''));
create index access_change_by_client on access_change (client_id, detected_at);
