package io.aclens.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.api.ApiOperations;
import io.aclens.contracts.api.ChangeReadApi;
import io.aclens.contracts.api.EffectiveChangeReadApi;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.ReadApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The diff service serves every operation of the read APIs the report service, its stub and the command call. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(SnapshotServiceStub.class)
class ReadApiContractTest {

    @Test
    void theDiffServiceServesEveryOperationOfItsReadApisAsDeclared() throws Exception {
        assertThat(ApiOperations.of(ChangeReadApi.class, EffectiveChangeReadApi.class)).hasSize(5);
        ReadApiContract.verify(ChangeReadApi.class, EffectiveChangeReadApi.class);
    }
}
