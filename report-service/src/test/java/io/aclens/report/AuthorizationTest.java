package io.aclens.report;

import io.aclens.testing.EndpointAuthorization;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.SmtpServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every operation of this service's OpenAPI document names its roles and never shows one client's data to another's token. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(UpstreamServicesStub.class)
@WithTestResource(SmtpServerResource.class)
class AuthorizationTest {

    @Test
    void everyOperationNamesItsRolesAndSealsOffOtherClients() throws Exception {
        EndpointAuthorization.verify("acme", "globex");
    }
}
