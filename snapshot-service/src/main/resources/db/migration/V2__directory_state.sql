-- Directory state, kept like folder state: an entry row is valid from the directory snapshot that first saw it
-- in this form until the one that saw it change (valid_to, exclusive). Snapshot ids come from one sequence,
-- so "the entries of directory D at snapshot N" is one range query.

create table directory_sync (
    sync_id               text primary key,
    client_id             text        not null,
    directory_id          text        not null,
    kind                  text,
    status                text        not null, -- STAGING, COMMITTED, FAILED, INCOMPLETE
    started_at            timestamptz,
    entry_count           bigint,
    reason                text,
    last_event_at         timestamptz not null,
    directory_snapshot_id bigint
);

create table directory_staged_entry (
    sync_id    text  not null,
    sid        text  not null,
    entry      jsonb not null,
    entry_hash text  not null,
    primary key (sync_id, sid)
);

create table directory_snapshot (
    directory_snapshot_id          bigserial primary key,
    client_id                      text        not null,
    directory_id                   text        not null,
    sync_id                        text        not null unique,
    previous_directory_snapshot_id bigint,
    entry_count                    bigint      not null,
    committed_at                   timestamptz not null
);
create index directory_snapshot_by_directory on directory_snapshot (directory_id, directory_snapshot_id desc);
create index directory_snapshot_by_client on directory_snapshot (client_id, directory_snapshot_id desc);

create table directory_entry (
    client_id    text   not null,
    directory_id text   not null,
    sid          text   not null,
    entry        jsonb  not null,
    entry_hash   text   not null,
    valid_from   bigint not null,
    valid_to     bigint,
    primary key (directory_id, sid, valid_from)
);
create unique index directory_entry_current on directory_entry (directory_id, sid) where valid_to is null;
create index directory_entry_current_by_client on directory_entry (client_id) where valid_to is null;
