package io.aclens.access.nt;

/** SDDL that cannot describe a folder's security; the message names the position. */
public class SddlException extends IllegalArgumentException {
    private final int offset;

    public SddlException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
