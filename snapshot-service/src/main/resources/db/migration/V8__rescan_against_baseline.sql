-- A rescan compared with its source's last snapshot sends only the folders whose fingerprint (path and state, see
-- io.aclens.access.FolderStateHash) that snapshot lacks, and the fingerprints of the snapshot's folders it no longer
-- saw. Those wait here until the scan commits, fails or is abandoned, like staged folders.
create table staged_removal (
    scan_id     text not null,
    fingerprint text collate "C" not null,
    primary key (scan_id, fingerprint)
);

-- The fingerprint as the collector computes it: the first 16 bytes of the SHA-256 of "path|state_hash", in hex.
create function folder_fingerprint(path text, state_hash text) returns text language sql immutable parallel safe
    as $$ select left(encode(sha256(convert_to(path || '|' || state_hash, 'UTF8')), 'hex'), 32) $$;

-- What a scan sent against: shown with the scan, so an operator sees a rescan that sent only its changes.
alter table scan add column baseline_snapshot_id bigint;
alter table scan add column unchanged_folders bigint;
