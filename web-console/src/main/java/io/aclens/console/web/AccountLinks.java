package io.aclens.console.web;

import io.aclens.console.account.Invitation;

/** The link an invited person opens, on the console's public address. */
public final class AccountLinks {
    private AccountLinks() {
    }

    public static String invitation(String publicUrl, Invitation invitation) {
        return publicUrl.replaceAll("/+$", "") + "/invite/" + invitation.token();
    }
}
