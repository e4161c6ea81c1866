-- Every folder row written cost PostgreSQL a heap tuple and three index entries, each carrying a ~140-character path key;
-- the index entries were three quarters of the work. Measured in psql on the bench's 200,000 rows, inserted as the staging
-- statement does (unnest of arrays, in walk order): 3.1-3.2 s with V12's schema, 2.1 s without the current-row index and
-- with the shorter key, 1.2 s for rows that also leave the opened index out (a first scan's, below); 0.5-0.7 s with no index.

-- 1. The key of a path shorter than 600 characters is the path and \x01: the SHA-256 only tells apart paths that share
--    their first 600 characters, and a short path's key (at most 601 characters) can never equal a long one's (665).
--    Order is as before (keys differ at or before the \x01), and a cursor handed out before this still pages right.
create or replace function path_key(path text) returns text language sql stable parallel safe
    as $$ select case when length(path) <= 600 then path || chr(1)
                      else left(path, 600) || chr(1) || encode(sha256(convert_to(path, 'UTF8')), 'hex') end $$;

-- 2. The current-row index goes: every statement that looks for a path's current row names the path, and the primary
--    key finds its few versions; whole-source passes read the primary key's range. One current row per path is the
--    commit's to keep (it inserts a path's row only where none is current, under the source's lock), as it already did.
drop index folder_state_current;

-- 3. The opened index leaves out the rows a source's first snapshot wrote in place: that snapshot's delta is the whole
--    source, read along the primary key (StateRepository.delta), and those rows are most of what a source ever writes.
drop index folder_state_opened;
alter table folder_state add column from_first_snapshot boolean not null default false;

update folder_state set path_key = path_key(path) where length(path) <= 600;
update staged_folder set path_key = path_key(path) where length(path) <= 600;

create index folder_state_opened on folder_state (client_id, source_id, valid_from, path_key) where not from_first_snapshot;
