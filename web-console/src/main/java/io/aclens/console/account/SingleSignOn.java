package io.aclens.console.account;

/** What became of a sign-in the MSP's identity provider vouched for. */
public enum SingleSignOn {
    SIGNED_IN,
    /** Nobody invited this e-mail address. */
    NO_ACCOUNT,
    DISABLED,
    /** Client viewers sign in with their password: the MSP's identity provider vouches for the MSP's own people. */
    NOT_MSP_STAFF,
    /** The account was bound to another person at the identity provider (the address now belongs to someone else). */
    ANOTHER_PERSON
}
