-- Each client's open findings by severity, counted when a change set of it arrived (the alert check does it), so a list
-- of every client (the console's Clients page) reads one small table instead of loading every client's state.
create table report.finding_summary (
    client_id  text primary key,
    high       integer     not null,
    medium     integer     not null,
    low        integer     not null,
    counted_at timestamptz not null
);
