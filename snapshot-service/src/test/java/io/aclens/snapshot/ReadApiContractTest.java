package io.aclens.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.api.ApiOperations;
import io.aclens.contracts.api.DirectoryReadApi;
import io.aclens.contracts.api.ScanBaselineApi;
import io.aclens.contracts.api.ScanReadApi;
import io.aclens.contracts.api.SnapshotReadApi;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.ReadApiContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The snapshot service serves every operation of the read APIs the diff and report services, the stubs and the command call. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
class ReadApiContractTest {

    @Test
    void theSnapshotServiceServesEveryOperationOfItsReadApisAsDeclared() throws Exception {
        assertThat(ApiOperations.of(SnapshotReadApi.class, DirectoryReadApi.class, ScanReadApi.class, ScanBaselineApi.class)).hasSize(15);
        ReadApiContract.verify(SnapshotReadApi.class, DirectoryReadApi.class, ScanReadApi.class, ScanBaselineApi.class);
    }
}
