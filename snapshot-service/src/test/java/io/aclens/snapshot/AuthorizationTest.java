package io.aclens.snapshot;

import io.aclens.auth.AccessTokens;
import io.aclens.auth.Roles;
import io.aclens.testing.EndpointAuthorization;
import io.aclens.testing.IdentityProviderTokens;
import io.aclens.testing.TestTokens;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class AuthorizationTest {

    @Test
    void everyOperationNamesItsRolesAndSealsOffOtherClients() throws Exception {
        EndpointAuthorization.verify("acme", "globex");
    }

    @Test
    void aRevokedTokenIsRefusedFromThenOn() {
        AccessTokens.Issued viewer = TestTokens.issued(Roles.CLIENT_VIEWER, "acme");
        TestTokens.as(viewer.token()).get("/api/v1/clients/acme/snapshots").then().statusCode(200);

        TestTokens.revoke(viewer.tokenId());

        TestTokens.as(viewer.token()).get("/api/v1/clients/acme/snapshots").then().statusCode(401).contentType("application/problem+json");
        TestTokens.as(TestTokens.token(Roles.CLIENT_VIEWER, "acme")).get("/api/v1/clients/acme/snapshots").then().statusCode(200);
    }

    @Test
    void theMspsIdentityProviderIsASecondIssuerWithTheSameRoles() {
        TestTokens.as(IdentityProviderTokens.token(Roles.MSP_OPERATOR)).get("/api/v1/clients/acme/snapshots").then().statusCode(200);
        TestTokens.as(IdentityProviderTokens.token(Roles.CLIENT_VIEWER, "globex")).get("/api/v1/clients/acme/snapshots").then().statusCode(404);
        TestTokens.as(IdentityProviderTokens.token(Roles.OPS)).get("/api/v1/clients/acme/snapshots").then().statusCode(403);

        TestTokens.as(IdentityProviderTokens.withForeignKey(Roles.MSP_OPERATOR)).get("/api/v1/clients/acme/snapshots").then().statusCode(401);
        TestTokens.as(IdentityProviderTokens.forAnotherAudience(Roles.MSP_OPERATOR)).get("/api/v1/clients/acme/snapshots").then().statusCode(401);
        TestTokens.as(IdentityProviderTokens.claimingAclens(Roles.MSP_OPERATOR)).get("/api/v1/clients/acme/snapshots").then().statusCode(401);
        TestTokens.as(TestTokens.token(Roles.MSP_OPERATOR)).get("/api/v1/clients/acme/snapshots").then().statusCode(200);
    }
}
