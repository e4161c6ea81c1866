package io.aclens.collector.agent;

import io.aclens.support.rest.ProblemException;

/** An upload refused before anything was published: says what and where. */
public class UploadRejectedException extends ProblemException {
    public UploadRejectedException(int status, String detail) {
        super(status, status == 413 ? "Upload Too Large" : "Invalid Upload", detail);
    }

    public static UploadRejectedException atLine(long line, String reason) {
        return new UploadRejectedException(400, "line " + line + ": " + reason);
    }
}
