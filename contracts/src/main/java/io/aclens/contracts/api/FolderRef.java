package io.aclens.contracts.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One folder of a snapshot as the matrices need it: its DACL named by hash (the snapshot's DACLs are read once, see
 * {@link SnapshotReadApi#acls}), and whether its descriptor has no DACL at all (everyone may do anything) instead of
 * the descriptor itself.
 */
// a JSON array in this order: a page of ten thousand folders would spend most of its bytes on field names
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"path", "depth", "ownerSid", "inheritanceProtected", "aclHash", "readError", "nullDacl"})
public record FolderRef(String path, int depth, String ownerSid, boolean inheritanceProtected, String aclHash, String readError,
                        boolean nullDacl) {
}
