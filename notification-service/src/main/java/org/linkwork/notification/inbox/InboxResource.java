package org.linkwork.notification.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/** The in-app inbox. Analysts have none: notifications are about individual referrals. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    final Inbox inbox;
    final InboxStream stream;
    final Caller caller;

    InboxResource(Inbox inbox, InboxStream stream, Caller caller) {
        this.inbox = inbox;
        this.stream = stream;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Operation(summary = "Your notifications", description = "Addressed to you, or to your role within your organisation (referrers of your practice, "
            + "providers of your organisation); unread first, then newest first.")
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

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Operation(summary = "Your new notifications, live",
            description = "Server-Sent Events: one event named notification per notification placed in your inbox (as GET /notifications "
                    + "reads it), data as in GET /notifications.")
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        stream.open(caller.username(), caller.organisation(), Inbox.organisationRoles(caller), sink, sse);
    }
}
