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

    @Message("Sign in with your company account")
    String signInWithCompanyAccount();

    @Message("Sign in with {provider}")
    String signInWith(String provider);

    @Message("or with your ACLens password")
    String orWithPassword();

    @Message("Your company account has no ACLens account. Ask an MSP administrator to invite you.")
    String ssoNoAccount();

    @Message("Your ACLens account is disabled.")
    String ssoDisabled();

    @Message("Client accounts sign in with their ACLens password.")
    String ssoNotMspStaff();

    @Message("This ACLens account belongs to another person at your company's identity provider. Ask an MSP administrator.")
    String ssoAnotherPerson();

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

    @Message("Who can access it")
    String whoCanAccess();

    @Message("if re-enabled: {level}")
    String wouldRegain(String level);

    @Message("The ACL, in the order the server reads it")
    String aclInOrder();

    @Message("Entry")
    String entryType();

    @Message("Who")
    String principal();

    @Message("Where it comes from")
    String origin();

    @Message("explicit")
    String explicit();

    @Message("inherited from {folder}")
    String inheritedFrom(String folder);

    @Message("inherited from above the scanned folder")
    String inheritedFromAbove();

    @Message("subfolders and files only")
    String belowOnly();

    @Message("Changes")
    String changes();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Last month")
    String lastMonth();

    @Message("Export (CSV)")
    String exportCsv();

    @Message("No changes in this period.")
    String noChangesInPeriod();

    @Message("People")
    String people();

    @Message("disabled")
    String disabled();

    @Message("The account cannot log on: the levels shown are what it would regain if re-enabled.")
    String dormantExplained();

    @Message("At least")
    String atLeast();

    @Message("Folders they can reach")
    String canReach();

    @Message("Next page")
    String nextPage();

    @Message("Why")
    String whyShort();

    @Message("Disable")
    String disable();

    @Message("Enable")
    String enable();

    @Message("Deliveries")
    String deliveries();

    @Message("Subscriptions")
    String subscriptions();

    @Message("Recipients")
    String recipients();

    @Message("Schedule")
    String cadence();

    @Message("Language")
    String language();

    @Message("Next delivery")
    String nextDelivery();

    @Message("No subscriptions: nobody receives this client's package yet.")
    String noSubscriptions();

    @Message("Packages")
    String deliveryLog();

    @Message("Period")
    String period();

    @Message("Sent")
    String sent();

    @Message("Problem")
    String problem();

    @Message("No packages yet.")
    String noDeliveries();

    @Message("Subscription {name} saved.")
    String subscriptionSaved(String name);

    @Message("Subscription {name} removed.")
    String subscriptionDeleted(String name);

    @Message("A package of {name} is on its way: it appears below within seconds.")
    String deliveryStarted(String name);

    @Message("Package {id} is sent again.")
    String deliveryResent(String id);

    @Message("Edit")
    String edit();

    @Message("Send now")
    String sendNow();

    @Message("Send again")
    String sendAgain();

    @Message("Remove")
    String delete();

    @Message("Save")
    String save();

    @Message("Remove subscription {name}? Nobody receives its package any more.")
    String confirmDelete(String name);

    @Message("Add or change a subscription")
    String addOrChangeSubscription();

    @Message("Letters, digits, '.', '_' or '-'. A subscription of that name is replaced.")
    String subscriptionNameHint();

    @Message("Copy to")
    String copyTo();

    @Message("Monthly")
    String monthly();

    @Message("Weekly")
    String weekly();

    @Message("Time zone")
    String timeZone();

    @Message("When (Quartz cron, optional)")
    String cron();

    @Message("Empty: the 1st of the month, or Monday, at 08:00 in the time zone.")
    String cronHint();

    @Message("What the package holds")
    String packageParts();

    @Message("{#when part}{#is 'MATRIX_BY_PERSON'}Access matrix by person{#is 'MATRIX_BY_GROUP'}Access matrix by group{#is 'CHANGES'}Changes{#is 'FINDINGS'}Risky findings{#else}{part}{/when}")
    String part(String part);

    @Message("Send it even when nothing changed")
    String sendWhenUnchanged();

    @Message("Only these sources (empty: all)")
    String onlySources();

    @Message("Only folders under (one per line; empty: all)")
    String onlyFolders();

    @Message("Only what these departments' people can reach (empty: everyone)")
    String onlyDepartments();

    @Message("My account")
    String myAccount();

    @Message("Two-step sign-in")
    String secondFactor();

    @Message("On: signing in asks for a code from your authenticator app as well.")
    String secondFactorIsOn();

    @Message("Scan this code with an authenticator app on your phone (or type the secret below into it), then enter the code it shows.")
    String secondFactorHowTo();

    @Message("Secret")
    String secret();

    @Message("One-time code")
    String oneTimeCode();

    @Message("only if you turned on two-step sign-in")
    String oneTimeCodeHint();

    @Message("Turn on")
    String turnOn();

    @Message("Turn off")
    String turnOff();

    @Message("Two-step sign-in is on.")
    String secondFactorOn();

    @Message("Two-step sign-in is off.")
    String secondFactorOff();

    @Message("That code is not right (or was used already). Try the next one.")
    String wrongCode();

    @Message("As of")
    String asOf();

    @Message("as of the end of {day}")
    String asOfDay(String day);

    @Message("What they gained or lost, {from} – {to}")
    String changesBetween(java.time.LocalDate from, java.time.LocalDate to);

    @Message("Scans in progress")
    String scansInProgress();

    @Message("Folders/s")
    String perSecond();

    @Message("Progress (against the source's last snapshot)")
    String progress();

    @Message("first scan of this source")
    String firstScan();

    @Message("No scan is queued or running.")
    String noScansRunning();

    @Message("Event lag")
    String lagTitle();

    @Message("Group")
    String group();

    @Message("Nothing to show by person yet: no directory of this client has been synced.")
    String noDirectory();
}
