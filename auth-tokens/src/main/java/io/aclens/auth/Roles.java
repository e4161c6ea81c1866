package io.aclens.auth;

import java.util.Set;

/** Who a token speaks for. A role is the token's {@code groups} claim, so {@code @RolesAllowed} checks it. */
public final class Roles {
    /** The MSP's administrators: onboarding, tokens, every client. */
    public static final String MSP_ADMIN = "msp-admin";
    /** The MSP's engineers: scans, syncs and reports of every client; no token management. */
    public static final String MSP_OPERATOR = "msp-operator";
    /** A client's manager or auditor: read-only, the clients of the token only. */
    public static final String CLIENT_VIEWER = "client-viewer";
    /** A PSA/RMM, ticketing or SIEM integration: read-only, the named clients only. */
    public static final String INTEGRATION = "integration";
    /** A client's Windows agent: uploads for that client only. */
    public static final String AGENT = "agent";
    /** One ACLens service calling another: reads every client, as the pipeline must. */
    public static final String SERVICE = "service";
    /** Operations: metrics. */
    public static final String OPS = "ops";

    /** The MSP's own people (the console's staff pages, single sign-on through the MSP's identity provider). */
    public static final Set<String> MSP_STAFF = Set.of(MSP_ADMIN, MSP_OPERATOR);
    /** Roles that reach every client; the others reach only the clients their token names. */
    public static final Set<String> ALL_CLIENTS = Set.of(MSP_ADMIN, MSP_OPERATOR, SERVICE);
    public static final Set<String> ALL = Set.of(MSP_ADMIN, MSP_OPERATOR, CLIENT_VIEWER, INTEGRATION, AGENT, SERVICE, OPS);
    /** Roles whose token must name at least one client. */
    public static final Set<String> CLIENT_BOUND = Set.of(CLIENT_VIEWER, INTEGRATION, AGENT);

    private Roles() {
    }
}
