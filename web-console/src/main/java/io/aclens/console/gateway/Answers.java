package io.aclens.console.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;

/** How the pages read the API's refusals. */
public final class Answers {
    private Answers() {
    }

    /**
     * {@code fallback} when the API says there is nothing yet (404: e.g. no diffed snapshot of a new client; 409: no directory
     * synced); any other failure stays a failure.
     */
    public static <T> Uni<T> absentAs(Uni<T> answer, T fallback) {
        return answer.onFailure(Answers::absent).recoverWithItem(fallback);
    }

    public static boolean absent(Throwable failure) {
        return failure instanceof WebApplicationException e && (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 409);
    }
}
