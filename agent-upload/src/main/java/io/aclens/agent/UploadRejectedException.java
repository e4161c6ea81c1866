package io.aclens.agent;

/** An upload refused before anything was published: the HTTP status it deserves (400, or 413 when too large) and what and where. */
public class UploadRejectedException extends IllegalArgumentException {
    private final int status;

    public UploadRejectedException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public static UploadRejectedException atLine(long line, String reason) {
        return new UploadRejectedException(400, "line " + line + ": " + reason);
    }

    public int status() {
        return status;
    }

    public String title() {
        return status == 413 ? "Upload Too Large" : "Invalid Upload";
    }
}
