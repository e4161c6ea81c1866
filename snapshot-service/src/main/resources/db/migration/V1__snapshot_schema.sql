-- The snapshot service's own tables. State is kept with validity intervals: a folder row is valid from the
-- snapshot that first saw it in this state until the snapshot that saw it change (valid_to, exclusive).
-- An unchanged folder costs nothing per new snapshot, and the state at any snapshot is one query.

create table scan (
    scan_id          text primary key,
    client_id        text        not null,
    source_id        text        not null,
    root             text,
    status           text        not null, -- STAGING, COMMITTED, FAILED, INCOMPLETE, ABANDONED
    started_at       timestamptz,
    completed_at     timestamptz,
    expected_folders bigint,
    error_count      bigint,
    unreadable       text,                 -- JSON array of the folders the collector could not read
    duration_ms      bigint,
    last_event_at    timestamptz not null,
    reason           text,
    snapshot_id      bigint
);
create index scan_by_client on scan (client_id, last_event_at desc);
create index scan_staging on scan (last_event_at) where status = 'STAGING';

-- Folders of scans still running. Rows leave when the scan commits, fails or is abandoned.
create table staged_folder (
    scan_id               text    not null,
    path                  text collate "C" not null,
    depth                 int     not null,
    owner_sid             text,
    group_sid             text,
    inheritance_protected boolean not null,
    acl_hash              text    not null,
    read_error            text,
    state_hash            text    not null,
    primary key (scan_id, path)
);

-- Content-addressed DACLs: a client's folders share few distinct ACLs.
create table acl (
    client_id text  not null,
    acl_hash  text  not null,
    dacl      jsonb not null,
    primary key (client_id, acl_hash)
);

create table snapshot (
    snapshot_id          bigserial primary key,
    client_id            text        not null,
    source_id            text        not null,
    scan_id              text        not null unique,
    root                 text,
    previous_snapshot_id bigint,
    folder_count         bigint      not null,
    error_count          bigint      not null,
    scan_completed_at    timestamptz,
    committed_at         timestamptz not null
);
create index snapshot_by_source on snapshot (source_id, snapshot_id desc);
create index snapshot_by_client on snapshot (client_id, committed_at desc);

create table folder_state (
    client_id             text    not null,
    source_id             text    not null,
    path                  text collate "C" not null,
    depth                 int     not null,
    owner_sid             text,
    group_sid             text,
    inheritance_protected boolean not null,
    acl_hash              text    not null,
    read_error            text,
    state_hash            text    not null,
    valid_from            bigint  not null,
    valid_to              bigint,
    primary key (source_id, path, valid_from)
);
create unique index folder_state_current on folder_state (source_id, path) where valid_to is null;
create index folder_state_opened on folder_state (source_id, valid_from);
create index folder_state_closed on folder_state (source_id, valid_to) where valid_to is not null;

-- Names of the principals a client's ACLs mention, as last reported by a scan.
create table principal (
    client_id  text        not null,
    sid        text        not null,
    name       text        not null,
    full_name  text,
    kind       text        not null,
    updated_at timestamptz not null,
    primary key (client_id, sid)
);
