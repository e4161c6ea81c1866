-- A source's first scan writes its folders straight into folder_state instead of staging them and copying them at its
-- commit: on 200,000 folders that copy was 4.5-5.9 s of a 5-6 s commit. Such a scan reserves its snapshot id when it
-- starts and its rows carry it (valid_from); no read sees them before that snapshot exists, because every read of a
-- source's state names one of its committed snapshots, and a source with a scan writing in place has none (a scan
-- writes in place only when its source has no snapshot and no other scan staging; a later scan of the source that
-- commits first drops them, see CommitRepository). The commit then only checks the count and records the snapshot.
-- Rescans and every other scan stage as before: their rows would meet the source's current rows.
alter table scan add column in_place_snapshot_id bigint;

create index scan_staging_by_source on scan (client_id, source_id) where status = 'STAGING';
