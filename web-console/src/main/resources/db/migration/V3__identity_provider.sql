-- Single sign-on through the MSP's identity provider: the person (issuer and subject) an account was first signed in as,
-- so a later sign-in with the same e-mail address but another person behind it (an address given to someone new) is refused.
alter table account add column idp_issuer text;
alter table account add column idp_subject text;
