package io.aclens.snapshot;

import io.aclens.testing.EndpointAuthorization;
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
}
