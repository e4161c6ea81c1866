package io.aclens.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.api.ApiOperations;
import io.aclens.contracts.api.CollectorReadApi;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.ReadApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The collector serves every operation of the read API the web console calls through the gateway. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SambaResource.class)
@WithTestResource(LdapResource.class)
@WithTestResource(SnapshotServiceStub.class)
class ReadApiContractTest {

    @Test
    void theCollectorServesEveryOperationOfItsReadApiAsDeclared() throws Exception {
        assertThat(ApiOperations.of(CollectorReadApi.class)).hasSize(3);
        ReadApiContract.verify(CollectorReadApi.class);
    }
}
