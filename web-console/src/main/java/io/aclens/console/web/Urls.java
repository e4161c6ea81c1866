package io.aclens.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Values in the links the pages write (folder paths have spaces, backslashes and Cyrillic). */
public final class Urls {
    private Urls() {
    }

    public static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
