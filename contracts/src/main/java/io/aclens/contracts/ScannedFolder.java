package io.aclens.contracts;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One folder of a {@link FoldersScanned} batch; its DACL is named by content hash ({@code io.aclens.access.AclHash}) and
 * defined once per scan, in the batch that first used it or an earlier one.
 *
 * @param sequence  position of the folder in the scan, from 1
 * @param depth     0 for the scan root
 * @param aclHash   the DACL's hash: a key of this batch's {@code acls} or of an earlier batch's of the same scan
 * @param readError why the folder's security could not be read (the scan goes on); its DACL is then the empty one
 * @param sddl      the security descriptor as the server gave it, for NT sources; {@code null} for POSIX trees
 * @param listError why the folder's contents could not be listed, else {@code null}: its sub-folders are then missing
 *                  from the scan without having gone, and keep their last known state
 */
// a JSON array in this order, not an object: a batch of a thousand folders would spend half its bytes on field names
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"sequence", "path", "depth", "ownerSid", "groupSid", "inheritanceProtected", "aclHash", "readError", "sddl", "listError"})
public record ScannedFolder(long sequence, String path, int depth, String ownerSid, String groupSid, boolean inheritanceProtected,
                            String aclHash, String readError, String sddl, String listError) {
    public ScannedFolder {
        requireNonNull(path, "path");
        requireNonNull(aclHash, "aclHash");
        if (depth < 0) {
            throw new IllegalArgumentException("depth must not be negative");
        }
    }
}
