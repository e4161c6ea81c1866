-- Clients, and the sources and directories registered for them over the API. Settings are JSON (the API's own
-- records); a password is either a mounted file named in the settings or sealed here with a key the database
-- does not hold (AES-GCM, bound to the row's client, kind and name).
CREATE TABLE client (
    client_id    text PRIMARY KEY CHECK (client_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL
);

CREATE TABLE registered_source (
    client_id       text NOT NULL REFERENCES client ON DELETE CASCADE,
    name            text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    kind            text NOT NULL,
    source_id       text NOT NULL CHECK (length(source_id) BETWEEN 1 AND 512),
    cron            text,
    settings        text NOT NULL,
    sealed_password bytea,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (client_id, name),
    -- source ids are the client's own: two clients may both have an "fs1:data", and neither reaches the other's
    UNIQUE (client_id, source_id)
);

CREATE TABLE registered_directory (
    client_id       text NOT NULL REFERENCES client ON DELETE CASCADE,
    name            text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    kind            text NOT NULL,
    directory_id    text NOT NULL CHECK (length(directory_id) BETWEEN 1 AND 512),
    cron            text,
    settings        text NOT NULL,
    sealed_password bytea,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (client_id, name),
    UNIQUE (client_id, directory_id)
);
