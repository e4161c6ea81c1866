package io.aclens.contracts.api;

/**
 * One entry of a folder's ACL, in the order the server evaluates them.
 *
 * @param level         the level its rights amount to, in the asked language
 * @param inheritedFrom for an inherited entry, the nearest scanned folder that sets it ("" when it comes from above the
 *                      scanned folder); null for an explicit entry
 * @param inheritOnly   the entry applies only to what is below the folder, not to the folder itself
 */
public record AclEntryView(String type, String sid, String principal, String level, String inheritedFrom, boolean inheritOnly) {
}
