package io.aclens.report.client;

import io.aclens.contracts.api.ChangeView;
import io.aclens.contracts.api.EffectiveChangeView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import io.aclens.support.security.ServiceTokenHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "diff-service")
@Path("/api/v1")
public interface DiffServiceClient {

    @GET
    @Path("/clients/{clientId}/changes")
    List<ChangeView> changes(@PathParam("clientId") String clientId, @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/clients/{clientId}/effective-changes")
    List<EffectiveChangeView> effectiveChanges(@PathParam("clientId") String clientId, @QueryParam("from") String from,
                                               @QueryParam("to") String to);
}
