package io.aclens.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aclens.contracts.api.DeliveryReadApi;
import io.aclens.contracts.api.DeliveryWriteApi;
import io.aclens.contracts.api.SubscriptionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypedApiClientTest {
    private record Call(String method, String path, Object body) {
    }

    @Test
    void eachOperationIsItsVerbPathQueryAndBody() {
        List<Call> calls = new ArrayList<>();
        DeliveryWriteApi writes = TypedApiClient.of(DeliveryWriteApi.class, (method, path, body) -> {
            calls.add(new Call(method, path, body));
            return Optional.of("");
        });
        SubscriptionRequest request = new SubscriptionRequest(List.of("board@acme.test"), List.of(), "en", "UTC", "WEEKLY", null, true,
                List.of(), List.of(), List.of(), List.of());

        writes.saveSubscription("acme corp", "board", request).await().indefinitely();
        assertThat(writes.deleteSubscription("acme corp", "board").await().indefinitely()).isNull();
        writes.resend("acme corp", 42).await().indefinitely();

        assertThat(calls).containsExactly(new Call("PUT", "/api/v1/clients/acme%20corp/subscriptions/board", request),
                new Call("DELETE", "/api/v1/clients/acme%20corp/subscriptions/board", null),
                new Call("POST", "/api/v1/clients/acme%20corp/deliveries/42/resend", null));
    }

    @Test
    void answersAreReadAsTheOperationsTypeAndAReadClientRefusesWrites() {
        DeliveryReadApi reads = TypedApiClient.of(DeliveryReadApi.class, path -> path.endsWith("/deliveries?limit=20")
                ? Optional.of("[]") : Optional.empty());
        assertThat(reads.deliveries("acme", 20).await().indefinitely()).isEmpty();
        assertThat(reads.subscriptions("acme").await().indefinitely()).as("404: nothing").isNull();

        DeliveryWriteApi writes = TypedApiClient.of(DeliveryWriteApi.class, path -> Optional.of(""));
        assertThatThrownBy(() -> writes.deleteSubscription("acme", "board")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("DELETE");
    }
}
