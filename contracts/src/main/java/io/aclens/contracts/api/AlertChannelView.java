package io.aclens.contracts.api;

import java.time.Instant;
import java.util.List;

/** A stored alert channel; {@code secret} is set only in the answer that generated it, never again. */
public record AlertChannelView(String clientId, String name, String kind, String target, List<String> sensitivePaths, String secret,
                               Instant createdAt) {
}
