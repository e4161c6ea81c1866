-- The findings each package reported, so the next one can say which are new and which were resolved.
create table delivery_finding (
    delivery_id  bigint  not null references delivery (delivery_id) on delete cascade,
    finding_key  text    not null,
    kind         text    not null,
    severity     text    not null,
    source_id    text    not null,
    subject      text    not null,
    folder_count int     not null,
    primary key (delivery_id, finding_key)
);
