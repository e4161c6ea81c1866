package io.aclens.collector.smb;

/**
 * Where and as whom to read a share. The password is held as characters only for as long as the scan needs
 * it; {@link #toString()} never shows it.
 *
 * @param path      folder under the share to start from ("" for the share root), with backslashes
 * @param maxDepth  deepest folder level to read (the start folder is 0)
 * @param parallelism folders read at once, in batches of {@code parallelism / connections} per connection
 * @param connections TCP connections (sessions) the folders are spread over
 */
public record SmbTarget(String host, int port, String share, String path, String domain, String username, char[] password,
                        int maxDepth, int parallelism, int connections) {

    /** {@code \\host\share[\path]}: the folder the scan starts from. */
    public String uncPath() {
        return uncPath(host, share, path);
    }

    /** {@code \\host\share[\path]} for a path under the share ("" for its root), with backslashes. */
    public static String uncPath(String host, String share, String path) {
        return "\\\\" + host + "\\" + share + (path.isEmpty() ? "" : "\\" + path);
    }

    @Override
    public String toString() {
        return uncPath() + " as " + (domain.isEmpty() ? "" : domain + "\\") + username;
    }
}
