package io.aclens.collector.config;

import io.aclens.support.rest.ProblemException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Passwords of configured sources: a mounted secret file first, else the property. Errors never quote them. */
public final class Secrets {
    private Secrets() {
    }

    public static char[] password(String what, Optional<String> passwordFile, Optional<String> password) {
        if (passwordFile.isPresent()) {
            try {
                return Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8).strip().toCharArray();
            } catch (IOException e) {
                throw new ProblemException(500, "Misconfigured Source", "Cannot read the password file of " + what);
            }
        }
        return password.map(String::toCharArray).orElseThrow(() -> new ProblemException(500, "Misconfigured Source",
                what + " has neither password-file nor password"));
    }
}
