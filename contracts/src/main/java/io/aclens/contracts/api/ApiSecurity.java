package io.aclens.contracts.api;

/**
 * How the typed APIs declare their access rule in the OpenAPI document: every operation takes a bearer token. The
 * services generate the scheme under this name ({@code quarkus.smallrye-openapi.security-scheme=jwt}); their own
 * resources get the requirement from {@code @RolesAllowed}, which the document generator does not follow into an
 * interface, so the typed APIs name it themselves.
 */
public final class ApiSecurity {
    public static final String BEARER = "SecurityScheme";

    private ApiSecurity() {
    }
}
