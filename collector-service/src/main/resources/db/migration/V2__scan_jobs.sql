-- Every scan this collector queued, so that a restart loses none: a queued scan is queued again, a running one is
-- failed visibly (ScanFailed published) and queued afresh, an upload (whose spooled body died with the process) is
-- failed visibly. The replica holding a job renews its lease; a job whose lease ran out is taken over by one replica.
CREATE TABLE scan_job (
    scan_id     text PRIMARY KEY,
    client_id   text NOT NULL,
    source_id   text NOT NULL,
    root        text NOT NULL,
    -- how to run it again (JSON), or null for an upload
    rerun       text,
    state       text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    folders     bigint NOT NULL DEFAULT 0,
    errors      bigint NOT NULL DEFAULT 0,
    queued_at   timestamptz NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz,
    failure     text,
    owner       text NOT NULL,
    lease_until timestamptz NOT NULL
);
CREATE INDEX scan_job_open ON scan_job (lease_until) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX scan_job_client ON scan_job (client_id, queued_at DESC);
