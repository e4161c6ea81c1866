package io.aclens.cli.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Option;

/** How the command takes a password: from standard input (never an argument, which ps and shell history would keep), or a mounted file's path. */
public class RegisteredSecret {
    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input; the collector stores it encrypted.")
    boolean passwordStdin;

    @Option(names = "--password-file", description = "A file on the collector's host (a mounted secret) holding the password.")
    String passwordFile;

    /** The password read from standard input, or null. */
    String password() throws AclensApi.ApiException {
        if (!passwordStdin) {
            return null;
        }
        if (passwordFile != null) {
            throw new AclensApi.ApiException(2, "Give --password-stdin or --password-file, not both");
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new AclensApi.ApiException(2, "--password-stdin: standard input held no password");
            }
            return line;
        } catch (IOException e) {
            throw new AclensApi.ApiException(2, "Cannot read the password from standard input: " + e.getMessage());
        }
    }
}
