-- The console's sign-in accounts: MSP staff and client viewers, invited by an MSP administrator. The password is an
-- Argon2id hash; the invitation link's token is kept only as its SHA-256, so a read of this table opens nothing.
create table account (
    id                    bigserial primary key,
    email                 text        not null unique,
    display_name          text        not null,
    role                  text        not null,
    clients               text[]      not null default '{}',
    language              text        not null default 'en',
    password_hash         text,
    invitation_hash       text unique,
    invitation_expires_at timestamptz,
    disabled              boolean     not null default false,
    invited_by            text        not null,
    created_at            timestamptz not null,
    last_sign_in_at       timestamptz
);
