package io.aclens.contracts.api;

import java.util.List;

/**
 * Where a client's immediate alerts go: {@code EMAIL} (target: comma-separated addresses) or {@code WEBHOOK} (target: an
 * https or http URL; {@code secret}: the HMAC key, generated when absent and shown once). {@code sensitivePaths}: folders
 * (path prefixes) where anyone gaining Modify or Full control is alerted.
 */
public record AlertChannelRequest(String kind, String target, String secret, List<String> sensitivePaths) {
}
