-- Who read or changed which client's data, through any service's API (aclens.audit.v1). client_id is null for an
-- MSP-wide call (listing clients, say). Entries are only added; the event id makes a redelivered one count once.
CREATE TABLE audit_entry (
    event_id  text PRIMARY KEY,
    client_id text,
    at        timestamptz NOT NULL,
    service   text NOT NULL,
    token_id  text,
    holder    text,
    role      text,
    method    text NOT NULL,
    operation text,
    path      text NOT NULL,
    status    integer NOT NULL
);
CREATE INDEX audit_entry_client_at ON audit_entry (client_id, at DESC);
CREATE INDEX audit_entry_at ON audit_entry (at DESC);
