package io.aclens.console.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;

/** How the pages read the API's refusals. */
public final class Answers {
    private static final ObjectMapper PROBLEMS = new ObjectMapper();

    private Answers() {
    }

    /**
     * {@code fallback} when the API says there is nothing yet (404: e.g. no diffed snapshot of a new client; 409: no directory
     * synced); any other failure stays a failure.
     */
    public static <T> Uni<T> absentAs(Uni<T> answer, T fallback) {
        return answer.onFailure(Answers::absent).recoverWithItem(fallback);
    }

    /**
     * What the API said is wrong with a request (a 400 problem's detail, which names every mistake), to be shown beside the
     * form that sent it; empty for any other failure.
     */
    public static Optional<String> refusal(Throwable failure) {
        if (!(failure instanceof WebApplicationException e) || e.getResponse().getStatus() != 400) {
            return Optional.empty();
        }
        try {
            JsonNode problem = PROBLEMS.readTree(e.getResponse().readEntity(String.class));
            return Optional.of(problem.path("detail").asText(problem.path("title").asText("Bad request")));
        } catch (RuntimeException | java.io.IOException unreadable) {
            return Optional.of("Bad request");
        }
    }

    public static boolean absent(Throwable failure) {
        return failure instanceof WebApplicationException e && (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 409);
    }
}
