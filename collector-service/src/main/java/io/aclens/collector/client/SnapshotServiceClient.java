package io.aclens.collector.client;

import io.aclens.access.directory.DirectoryEntry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import io.aclens.support.security.ServiceTokenHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The client's current directory, to resolve the account names of an icacls import. Blocking. */
@RegisterClientHeaders(ServiceTokenHeaders.class)
@RegisterRestClient(configKey = "snapshot-service")
@Path("/api/v1")
public interface SnapshotServiceClient {

    @GET
    @Path("/clients/{clientId}/directory")
    List<DirectoryEntry> directory(@PathParam("clientId") String clientId);
}
