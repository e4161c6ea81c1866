package io.aclens.console.account;

import io.aclens.auth.Roles;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Someone who signs in to the console: MSP staff (every client) or a client viewer (the clients listed). */
@Entity
@Table(name = "account")
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    public String role;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> clients;
    public String language;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "invitation_hash")
    public String invitationHash;
    @Column(name = "invitation_expires_at")
    public Instant invitationExpiresAt;
    public boolean disabled;
    @Column(name = "invited_by")
    public String invitedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;
    /** Set when the account signs in with a one-time code as well. */
    @Column(name = "totp_secret")
    public String totpSecret;
    @Column(name = "totp_last_step")
    public long totpLastStep;
    /** Who the MSP's identity provider said this account is, from its first single sign-on on. */
    @Column(name = "idp_issuer")
    public String idpIssuer;
    @Column(name = "idp_subject")
    public String idpSubject;

    /** The invitation was taken up: a password was set, or the person signed in through the MSP's identity provider. */
    public boolean takenUp() {
        return passwordHash != null || idpSubject != null;
    }

    public boolean canSignIn() {
        return !disabled && takenUp();
    }

    public boolean mspStaff() {
        return Roles.MSP_STAFF.contains(role);
    }
}
