package io.aclens.report.rest;

import io.aclens.auth.Roles;
import io.aclens.contracts.api.AlertChannelRequest;
import io.aclens.contracts.api.AlertChannelView;
import io.aclens.contracts.api.AlertView;
import io.aclens.report.alert.AlertChannels;
import io.aclens.report.repository.AlertChannelRepository;
import io.aclens.report.repository.AlertRepository;
import io.aclens.support.rest.ProblemException;
import io.aclens.support.security.Callers;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Where a client's immediate alerts go, and the alert log. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MSP_ADMIN, Roles.MSP_OPERATOR})
public class AlertResource {
    private final AlertChannelRepository channels;
    private final AlertRepository alerts;
    private final Callers callers;

    public AlertResource(AlertChannelRepository channels, AlertRepository alerts, Callers callers) {
        this.channels = channels;
        this.alerts = alerts;
        this.callers = callers;
    }

    @GET
    @Path("/clients/{clientId}/alert-channels")
    public Uni<List<AlertChannelView>> list(@PathParam("clientId") String clientId) {
        callers.scope().require(clientId);
        return channels.ofClient(clientId).map(all -> all.stream().map(c -> AlertChannels.toView(c, null)).toList());
    }

    /** Creates or replaces a channel; a webhook without a secret gets one, shown in this answer only. */
    @PUT
    @Path("/clients/{clientId}/alert-channels/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<AlertChannelView> put(@PathParam("clientId") String clientId, @PathParam("name") String name, AlertChannelRequest request) {
        callers.scope().require(clientId);
        return channels.ofClient(clientId).chain(existing -> {
            boolean hasSecret = existing.stream().anyMatch(c -> c.name().equals(name) && c.secret() != null);
            AlertChannels.Checked checked;
            try {
                checked = AlertChannels.check(clientId, name, request, hasSecret);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(e.getMessage());
            }
            return channels.save(checked.channel()).map(saved -> AlertChannels.toView(saved, checked.generatedSecret()));
        });
    }

    @DELETE
    @Path("/clients/{clientId}/alert-channels/{name}")
    public Uni<Response> delete(@PathParam("clientId") String clientId, @PathParam("name") String name) {
        callers.scope().require(clientId);
        return channels.delete(clientId, name).map(found -> {
            if (!found) {
                throw ProblemException.notFound("No alert channel " + name + " for client " + clientId);
            }
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/clients/{clientId}/alerts")
    public Uni<List<AlertView>> alerts(@PathParam("clientId") String clientId, @QueryParam("limit") @DefaultValue("100") int limit) {
        callers.scope().require(clientId);
        return alerts.ofClient(clientId, Math.max(1, Math.min(limit, 1000)));
    }
}
