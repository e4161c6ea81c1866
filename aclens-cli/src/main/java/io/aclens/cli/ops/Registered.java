package io.aclens.cli.ops;

import io.aclens.contracts.api.ConnectionTestResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What the source and directory commands share: which client's registration, and testing or removing it. */
final class Registered {
    private Registered() {
    }

    /** Which client's source or directory, by name. */
    static class Name {
        @Option(names = "--client", required = true, description = "Client id.")
        String clientId;

        @Option(names = "--name", required = true, description = "Its name within the client.")
        String name;

        String path(String collection) {
            return "/api/v1/clients/" + AclensApi.segment(clientId) + "/" + collection + "/" + AclensApi.segment(name);
        }
    }

    /** A subcommand about one registration of {@link #collection()} ("sources" or "directories"). */
    abstract static class Subcommand implements Callable<Integer> {
        @Mixin
        AclensApi api = new AclensApi();
        @Mixin
        Name registration = new Name();

        abstract String collection();

        String path() {
            return registration.path(collection());
        }
    }

    /** Tests the stored registration's connection again. */
    abstract static class Test extends Subcommand {
        @Override
        public Integer call() {
            return Outcome.of(() -> report(api.post(path() + "/connection-test", null, ConnectionTestResult.class)));
        }
    }

    /** Removes the registration and its schedule (what was collected from it stays). */
    abstract static class Remove extends Subcommand {
        @Override
        public Integer call() {
            return Outcome.of(() -> {
                api.delete(path());
                System.out.println(registration.clientId + "/" + registration.name + " removed");
            });
        }
    }

    static void report(ConnectionTestResult result) throws AclensApi.ApiException {
        if (!result.ok()) {
            throw new AclensApi.ApiException(1, "Connection test failed (" + result.failedStep() + "): " + result.reason());
        }
        System.out.println("Connection test passed: " + result.reason());
    }
}
