package io.aclens.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.aclens.contracts.api.AccessReadApi;
import io.aclens.contracts.api.ApiOperations;
import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.DeliveryWriteApi;
import io.aclens.testing.KafkaBrokerResource;
import io.aclens.testing.PostgresResource;
import io.aclens.testing.ReadApiContract;
import io.aclens.testing.SmtpServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The report service serves every operation of the access and delivery APIs the web console calls through the gateway. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(UpstreamServicesStub.class)
@WithTestResource(SmtpServerResource.class)
class ReadApiContractTest {

    @Test
    void theReportServiceServesEveryOperationOfItsAccessApiAsDeclared() throws Exception {
        assertThat(ApiOperations.of(AccessReadApi.class, DeliveryReadApi.class, DeliveryWriteApi.class)).hasSize(13);
        ReadApiContract.verify(AccessReadApi.class, DeliveryReadApi.class, DeliveryWriteApi.class);
    }
}
