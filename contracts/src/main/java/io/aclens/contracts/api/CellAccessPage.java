package io.aclens.contracts.api;

import java.util.List;

/**
 * A page of "what can this person access", in source and folder order; {@code next} is the cursor for the following
 * page ({@code after=}), {@code null} at the end. A cursor names the snapshot it was taken from: once that source has a
 * newer snapshot the cursor is refused (410) and the listing starts again.
 */
public record CellAccessPage(List<CellAccessView> items, String next) {
}
