package io.aclens.cli.ops;

/** A command's exit code from a call to a service: 0 when it worked, 1 with the service's reason on stderr when not. */
final class Outcome {
    private Outcome() {
    }

    interface Call {
        void run() throws AclensApi.ApiException;
    }

    static int of(Call call) {
        try {
            call.run();
            return 0;
        } catch (AclensApi.ApiException | AclensApi.UncheckedApiException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }
}
