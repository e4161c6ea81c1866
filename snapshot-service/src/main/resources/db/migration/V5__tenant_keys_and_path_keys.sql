-- Every key that names a source, snapshot, scan or directory starts with the client: two clients that name a source
-- or directory alike ("fs1:data") keep separate histories, and each hot path stays within one client.
--
-- Folders are keyed on a bounded path key instead of the path itself: a path may be longer than a btree entry holds
-- (2,704 bytes; 13 nested names of 240 characters are legal on Linux and on Windows with long paths). The key is the
-- path's first 600 characters (at most 2,400 bytes), a \x01 (below every character a name holds, so a folder still
-- sorts right before its children) and the SHA-256 of the whole path: unique, bounded, and in path order for every
-- path shorter than 600 characters. Keyset paging uses it as its cursor.
create function path_key(path text) returns text language sql immutable parallel safe
    as $$ select left(path, 600) || chr(1) || encode(sha256(convert_to(path, 'UTF8')), 'hex') $$;

alter table staged_folder add column path_key text collate "C";
update staged_folder set path_key = path_key(path);
alter table staged_folder alter column path_key set not null;
alter table staged_folder drop constraint staged_folder_pkey;
alter table staged_folder add primary key (scan_id, path_key);

alter table folder_state add column path_key text collate "C";
update folder_state set path_key = path_key(path);
alter table folder_state alter column path_key set not null;
alter table folder_state drop constraint folder_state_pkey;
alter table folder_state add primary key (client_id, source_id, path_key, valid_from);
drop index folder_state_current;
create unique index folder_state_current on folder_state (client_id, source_id, path_key) where valid_to is null;
drop index folder_state_opened;
create index folder_state_opened on folder_state (client_id, source_id, valid_from, path_key);
drop index folder_state_closed;
create index folder_state_closed on folder_state (client_id, source_id, valid_to, path_key) where valid_to is not null;

drop index snapshot_by_source;
create index snapshot_by_source on snapshot (client_id, source_id, snapshot_id desc);

alter table directory_entry drop constraint directory_entry_pkey;
alter table directory_entry add primary key (client_id, directory_id, sid, valid_from);
drop index directory_entry_current;
create unique index directory_entry_current on directory_entry (client_id, directory_id, sid) where valid_to is null;
drop index directory_snapshot_by_directory;
create index directory_snapshot_by_directory on directory_snapshot (client_id, directory_id, directory_snapshot_id desc);
