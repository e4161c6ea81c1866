package io.aclens.contracts.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aclens.access.Ace;
import java.util.List;
import java.util.Map;

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

    /** Its DACL among the snapshot's ({@link SnapshotReadApi#acls}); a hash the snapshot does not list is its fault, not the reader's. */
    public List<Ace> daclIn(Map<String, List<Ace>> snapshotDacls, long snapshotId) {
        List<Ace> dacl = snapshotDacls.get(aclHash);
        if (dacl == null) {
            throw new IllegalStateException("Snapshot " + snapshotId + " names DACL " + aclHash + " for " + path + " but does not list it");
        }
        return dacl;
    }
}
