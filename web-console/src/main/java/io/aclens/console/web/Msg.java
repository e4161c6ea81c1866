package io.aclens.console.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word the console shows, in English here and in Russian in {@code messages/msg_ru.properties}; chosen per user. */
@MessageBundle("msg")
public interface Msg {
    @Message("Sign in")
    String signIn();

    @Message("E-mail")
    String email();

    @Message("Password")
    String password();

    @Message("Wrong e-mail address or password.")
    String signInFailed();

    @Message("Your password is set: sign in with it.")
    String passwordSet();

    @Message("Sign out")
    String signOut();

    @Message("Clients")
    String clients();

    @Message("Operations")
    String operations();

    @Message("Accounts")
    String accounts();

    @Message("Русский")
    String otherLanguage();

    @Message("Client")
    String client();

    @Message("Name")
    String name();

    @Message("Sources")
    String sources();

    @Message("Source")
    String source();

    @Message("Last scan")
    String lastScan();

    @Message("Status")
    String status();

    @Message("Folders")
    String folders();

    @Message("Findings")
    String findings();

    @Message("High")
    String high();

    @Message("Medium")
    String medium();

    @Message("Low")
    String low();

    @Message("not scanned yet")
    String notScanned();

    @Message("older than a month")
    String stale();

    @Message("The pipeline lags: {group} is {seconds} s behind.")
    String lagWarning(String group, long seconds);

    @Message("Search")
    String search();

    @Message("Sort by")
    String sortBy();

    @Message("Changes of the last 30 days")
    String recentChanges();

    @Message("No changes in the last 30 days.")
    String noChanges();

    @Message("No findings.")
    String noFindings();

    @Message("When")
    String when();

    @Message("Person")
    String person();

    @Message("Folder")
    String folder();

    @Message("Change")
    String change();

    @Message("Cause")
    String cause();

    @Message("Severity")
    String severity();

    @Message("Access matrix")
    String matrix();

    @Message("Only folders that differ from their parent")
    String onlyDiffering();

    @Message("Department")
    String department();

    @Message("all")
    String all();

    @Message("Show")
    String show();

    @Message("Open {name}")
    String open(String name);

    @Message("{count} more folders…")
    String moreRows(int count);

    @Message("{shown} of {count} people; next page")
    String morePeople(int shown, int count);

    @Message("Click a cell to see who holds what there, and why.")
    String clickCell();

    @Message("Why {name} holds {level} on {path}")
    String why(String name, String level, String path);

    @Message("Account")
    String accountState();

    @Message("No access.")
    String noAccess();

    @Message("Consumer group")
    String consumerGroup();

    @Message("State")
    String state();

    @Message("Members")
    String members();

    @Message("Events behind")
    String lagRecords();

    @Message("Seconds behind")
    String lagSeconds();

    @Message("Dead letters")
    String deadLetters();

    @Message("Topic")
    String topic();

    @Message("Records")
    String records();

    @Message("Invite")
    String invite();

    @Message("Role")
    String role();

    @Message("Clients they see (client viewers; comma-separated)")
    String viewerClients();

    @Message("Full name")
    String displayName();

    @Message("Last sign-in")
    String lastSignIn();

    @Message("Invitation link for {email} (valid 7 days; send it to them):")
    String invitationLink(String email);

    @Message("Choose your password")
    String choosePassword();

    @Message("At least 12 characters; not your e-mail address.")
    String passwordRule();

    @Message("Set password")
    String setPassword();

    @Message("This invitation has expired or was used. Ask your MSP for a new one.")
    String invitationExpired();

    @Message("The password is too short: at least 12 characters.")
    String passwordTooShort();

    @Message("The password must not be your e-mail address.")
    String passwordIsEmail();

    @Message("Not found, or not yours to see.")
    String notFound();

    @Message("The API did not answer as expected ({status}). Try again in a moment.")
    String upstreamFailed(int status);

    @Message("Level")
    String level();
}
