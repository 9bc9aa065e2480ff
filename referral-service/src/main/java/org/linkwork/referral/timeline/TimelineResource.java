package org.linkwork.referral.timeline;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.AuditLog;

@Path("/referrals/{id}/timeline")
@ApplicationScoped
public class TimelineResource {

    final CareTeamAccess access;
    final Timeline timeline;
    final TimelineFeed feed;
    final AuditLog audit;
    private final Set<LiveTimeline> open = ConcurrentHashMap.newKeySet();

    TimelineResource(CareTeamAccess access, Timeline timeline, TimelineFeed feed, AuditLog audit) {
        this.access = access;
        this.timeline = timeline;
        this.feed = feed;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "What happened to a referral, oldest first")
    public List<TimelineEntry> list(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        audit.record("read-timeline", referral, null);
        return timeline.of(referral.id, 0);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "The timeline as Server-Sent Events: history first, then each new entry as it happens",
            description = "Each event's id is the entry's seq; reconnect with Last-Event-ID to continue where you left off.")
    public void stream(@PathParam("id") UUID id, @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink,
            @Context Sse sse) {
        Referral referral = access.referralVisibleToCaller(id);
        audit.record("watch-timeline", referral, null);
        LiveTimeline live = new LiveTimeline(sink, sse, parse(lastEventId));
        Runnable unwatch = feed.watch(referral.id, live::offer);
        live.onClose(() -> {
            unwatch.run();
            open.remove(live);
        });
        open.add(live);
        live.replay(timeline.of(referral.id, parse(lastEventId)));
    }

    /** A comment now and then keeps proxies from closing quiet streams and finds the ones whose client left. */
    @Scheduled(every = "${linkwork.referral.timeline.keep-alive:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepAlive() {
        for (LiveTimeline live : open) {
            live.keepAlive();
        }
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
