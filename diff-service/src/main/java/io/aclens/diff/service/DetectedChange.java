package io.aclens.diff.service;

import io.aclens.access.AccessChange;

/** A change found in a snapshot's delta, with the principal's name as the source knew it. */
public record DetectedChange(AccessChange change, String principalName) {
}
