package org.linkwork.notification.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.linkwork.platform.problem.ProblemException;

/** The in-app inbox. Analysts have none: notifications are about individual referrals. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    final Inbox inbox;

    InboxResource(Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Operation(summary = "Your notifications", description = "Addressed to you or to your organisation; unread first, then newest first.")
    public InboxPage list(
            // strings, so that a bad value is a 400 naming the parameter rather than the framework's 404
            @Parameter(description = "page number from 0, default 0") @QueryParam("page") String page,
            @Parameter(description = "notifications per page, 1 to 100, default 20") @QueryParam("size") String size) {
        return inbox.page(Paging.of(page, size));
    }

    @POST
    @Path("/{id}/read")
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Transactional
    @Operation(summary = "Mark one of your notifications read")
    public void markRead(@PathParam("id") UUID id) {
        Notification notification = inbox.find(id).orElseThrow(() -> ProblemException.notFound("notification"));
        if (notification.readAt == null) {
            notification.readAt = Instant.now();
        }
    }
}
