-- A package too large to attach goes out as a link. The link's token is its own credential — a recipient has no API
-- account — so only its SHA-256 is kept; it opens one client's one report until it expires.
create table download_link (
    token_hash       bytea       primary key,
    client_id        text        not null,
    report_id        bigint      not null references report (report_id) on delete cascade,
    delivery_id      bigint,
    expires_at       timestamptz not null,
    created_at       timestamptz not null default now(),
    downloads        integer     not null default 0,
    last_download_at timestamptz
);
create index download_link_by_report on download_link (client_id, report_id);
