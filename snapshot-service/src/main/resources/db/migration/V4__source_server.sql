-- What the collector read of the server behind a source with each scan: the share's security descriptor and the
-- server's own groups (JSON, io.aclens.contracts.SourceServer). A snapshot never changes, so its history is the
-- snapshots'. Null for sources without a server to ask (Linux trees, uploads) and for snapshots before V4.
alter table snapshot add column server text;
