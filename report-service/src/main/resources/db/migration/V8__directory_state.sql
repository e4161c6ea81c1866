-- Which directory snapshot of each of a client's directories has its effective changes known. With source_state it is
-- the version of a client's state: the read model answers from memory until one of them moves.
create table directory_state (
    client_id                     text        not null,
    directory_id                  text        not null,
    latest_directory_snapshot_id  bigint      not null,
    updated_at                    timestamptz not null,
    primary key (client_id, directory_id)
);
