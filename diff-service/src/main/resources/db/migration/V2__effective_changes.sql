-- Changes in effective terms: a person's level on a folder, with the cause. "trigger" names what found them:
-- snapshot-<id> (an ACL edit) or directory-snapshot-<id> (a membership or account change).

create table directory_change_set (
    directory_snapshot_id          bigint primary key,
    previous_directory_snapshot_id bigint,
    client_id                      text        not null,
    directory_id                   text        not null,
    change_count                   bigint      not null,
    baseline                       boolean     not null,
    computed_at                    timestamptz not null
);

create table effective_change (
    change_id   bigserial primary key,
    trigger     text        not null,
    client_id   text        not null,
    source_id   text,
    path        text collate "C" not null,
    user_sid    text        not null,
    login       text,
    full_name   text,
    kind        text        not null,
    before_level text,
    after_level  text,
    cause       text        not null,
    detail      text,
    detected_at timestamptz not null
);
create unique index effective_change_natural on effective_change (trigger, coalesce(source_id, ''), path, user_sid);
create index effective_change_by_client on effective_change (client_id, detected_at);
