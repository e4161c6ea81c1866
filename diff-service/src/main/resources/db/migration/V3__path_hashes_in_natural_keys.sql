-- A folder path can be longer than a btree entry holds (2,704 bytes): the natural keys that make consumers idempotent
-- name a folder by the SHA-256 of its path instead of the path itself. The wrapper is declared immutable so an index
-- can use it: the database's encoding, the only input besides the path, never changes.
create function path_hash(path text) returns bytea language sql immutable parallel safe
    as $$ select sha256(convert_to(path, 'UTF8')) $$;

drop index access_change_natural;
create unique index access_change_natural on access_change (snapshot_id, path_hash(path), kind, coalesce(principal_sid, ''));
drop index effective_change_natural;
create unique index effective_change_natural on effective_change (trigger, coalesce(source_id, ''), path_hash(path), user_sid);
