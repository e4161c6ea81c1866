-- An optional second factor: the account's TOTP secret (base32, as its authenticator app holds it) and the last time step
-- a code was accepted for, so a code seen once cannot be used again.
alter table account add column totp_secret text;
alter table account add column totp_last_step bigint not null default 0;
