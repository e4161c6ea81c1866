package io.aclens.console.account;

import io.aclens.auth.Roles;
import io.aclens.console.security.PasswordHashes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.aclens.console.security.OffTheEventLoop;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The console's accounts: an MSP administrator invites someone with a role (and, for a client viewer, the clients they
 * see); the invitation link lets them choose their password once, within its lifetime; an administrator can disable an
 * account, which ends its sessions at their next request.
 */
@ApplicationScoped
public class AccountService {
    /** The roles that sign in to the console; agents, integrations and services use tokens. */
    public static final Set<String> CONSOLE_ROLES = Set.of(Roles.MSP_ADMIN, Roles.MSP_OPERATOR, Roles.CLIENT_VIEWER);
    public static final Set<String> LANGUAGES = Set.of("en", "ru");
    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;

    public AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The problem with an invitation request, or null. */
    public static String invalid(String email, String role, List<String> clients, String language) {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+")) {
            return "An e-mail address names the account";
        }
        if (!CONSOLE_ROLES.contains(role)) {
            return "The role is one of " + CONSOLE_ROLES;
        }
        if (role.equals(Roles.CLIENT_VIEWER) && (clients == null || clients.isEmpty())) {
            return "A client viewer sees the clients named for them: name at least one";
        }
        if (language != null && !LANGUAGES.contains(language)) {
            return "The language is en or ru";
        }
        return null;
    }

    /** Invites someone, or renews the invitation of an account not yet taken up (a new link; the old one stops working). */
    @WithTransaction
    public Uni<Invitation> invite(String email, String displayName, String role, List<String> clients, String language, String invitedBy) {
        String problem = invalid(email, role, clients, language);
        if (problem != null) {
            return Uni.createFrom().failure(new IllegalArgumentException(problem));
        }
        String address = email.toLowerCase(Locale.ROOT);
        String token = newToken();
        Instant expires = Instant.now().plus(INVITATION_LIFETIME);
        return accounts.byEmail(address).flatMap(existing -> {
            if (existing != null && existing.takenUp()) {
                return Uni.createFrom().failure(new IllegalStateException("An account for " + address + " exists already"));
            }
            Account account = existing == null ? new Account() : existing;
            account.email = address;
            account.displayName = displayName == null || displayName.isBlank() ? address : displayName.strip();
            account.role = role;
            account.clients = role.equals(Roles.CLIENT_VIEWER) ? List.copyOf(clients) : List.of();
            account.language = language == null ? "en" : language;
            account.invitationHash = sha256(token);
            account.invitationExpiresAt = expires;
            account.invitedBy = invitedBy;
            account.createdAt = existing == null ? Instant.now() : existing.createdAt;
            return accounts.persist(account);
        }).map(saved -> new Invitation(saved.email, saved.role, saved.clients, token, expires));
    }

    /** The account an unexpired invitation link is for, or null. */
    public Uni<Account> invited(String token) {
        return accounts.byInvitation(sha256(token)).map(a -> a == null || a.invitationExpiresAt.isBefore(Instant.now()) ? null : a);
    }

    /**
     * Sets the password of an invited account and uses the invitation up.
     *
     * @return the account's e-mail address; fails with {@link IllegalArgumentException} naming a weak password's problem
     *         ("too-short", "is-email") or "expired"
     */
    public Uni<String> accept(String token, String password) {
        return invited(token).flatMap(account -> {
            if (account == null) {
                return Uni.createFrom().failure(new IllegalArgumentException("expired"));
            }
            String weakness = PasswordHashes.weakness(password, account.email);
            if (weakness != null) {
                return Uni.createFrom().failure(new IllegalArgumentException(weakness));
            }
            return OffTheEventLoop.compute(() -> PasswordHashes.hash(password)).flatMap(hash -> Panache.withTransaction(() ->
                    accounts.byInvitation(sha256(token)).map(invited -> {
                        if (invited == null) {
                            throw new IllegalArgumentException("expired"); // taken up meanwhile, in another tab
                        }
                        invited.passwordHash = hash;
                        invited.invitationHash = null;
                        invited.invitationExpiresAt = null;
                        return invited.email;
                    })));
        });
    }

    @WithTransaction
    public Uni<Void> setLanguage(String email, String language) {
        if (!LANGUAGES.contains(language)) {
            return Uni.createFrom().failure(new IllegalArgumentException("The language is en or ru"));
        }
        return accounts.byEmail(email).invoke(a -> a.language = language).replaceWithVoid();
    }

    @WithTransaction
    public Uni<Void> setDisabled(String email, boolean disabled) {
        return accounts.byEmail(email).invoke(a -> {
            if (a != null) {
                a.disabled = disabled;
            }
        }).replaceWithVoid();
    }

    /**
     * Records a sign-in; with a second factor, the time step of the code it used, which must be later than the last one
     * (fails with {@link IllegalStateException} when a concurrent sign-in used that code first).
     */
    @WithTransaction
    public Uni<Void> signedIn(String email, long totpStep) {
        return accounts.byEmail(email).invoke(a -> {
            if (a.totpSecret != null) {
                if (totpStep <= a.totpLastStep) {
                    throw new IllegalStateException("This one-time code was used already");
                }
                a.totpLastStep = totpStep;
            }
            a.lastSignInAt = Instant.now();
        }).replaceWithVoid();
    }

    /**
     * Signs in someone the MSP's identity provider vouched for, if they have an MSP staff account that is not disabled and
     * was not bound to another person at that provider; the first such sign-in binds it and takes up its invitation. The
     * identity provider's own policy (its second factor among it) stands in for the password and one-time code here.
     */
    @WithTransaction
    public Uni<SingleSignOn> signedInThroughIdentityProvider(String email, String issuer, String subject) {
        return accounts.byEmail(email).map(a -> {
            if (a == null) {
                return SingleSignOn.NO_ACCOUNT;
            }
            if (a.disabled) {
                return SingleSignOn.DISABLED;
            }
            if (!a.mspStaff()) {
                return SingleSignOn.NOT_MSP_STAFF;
            }
            if (a.idpSubject != null && !(a.idpSubject.equals(subject) && a.idpIssuer.equals(issuer))) {
                return SingleSignOn.ANOTHER_PERSON;
            }
            a.idpIssuer = issuer;
            a.idpSubject = subject;
            a.invitationHash = null;
            a.invitationExpiresAt = null;
            a.lastSignInAt = Instant.now();
            return SingleSignOn.SIGNED_IN;
        });
    }

    /** Turns the second factor on with a secret the person's app holds, once they prove it with a code from it. */
    @WithTransaction
    public Uni<Boolean> enableSecondFactor(String email, String secret, String code) {
        return accounts.byEmail(email).map(a -> {
            long step = io.aclens.console.security.Totp.verify(secret, code, Instant.now(), 0);
            if (step < 0) {
                return false;
            }
            a.totpSecret = secret;
            a.totpLastStep = step;
            return true;
        });
    }

    /** Turns the second factor off, with a current code as proof that it is the person who asks. */
    @WithTransaction
    public Uni<Boolean> disableSecondFactor(String email, String code) {
        return accounts.byEmail(email).map(a -> {
            long step = io.aclens.console.security.Totp.verify(a.totpSecret, code, Instant.now(), a.totpLastStep);
            if (step < 0) {
                return false;
            }
            a.totpSecret = null;
            a.totpLastStep = 0;
            return true;
        });
    }

    public Uni<Account> byEmail(String email) {
        return accounts.byEmail(email);
    }

    public Uni<List<Account>> everyone() {
        return accounts.everyone();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
