package io.aclens.console.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What became of a sign-in the MSP's identity provider vouched for. */
public enum SingleSignOn {
    SIGNED_IN,
    /** Nobody invited this e-mail address. */
    NO_ACCOUNT,
    DISABLED,
    /** Client viewers sign in with their password: the MSP's identity provider vouches for the MSP's own people. */
    NOT_MSP_STAFF,
    /** The account was bound to another person at the identity provider (the address now belongs to someone else). */
    ANOTHER_PERSON;

    /** How the sign-in page's address names it ({@code ?sso=no-account}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The refusal a sign-in page's address names, if it names one. */
    public static Optional<SingleSignOn> refusal(String slug) {
        return Arrays.stream(values()).filter(outcome -> outcome != SIGNED_IN && outcome.slug().equals(slug)).findFirst();
    }
}
