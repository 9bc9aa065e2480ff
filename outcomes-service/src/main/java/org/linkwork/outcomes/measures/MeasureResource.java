package org.linkwork.outcomes.measures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Wellbeing measures, recorded by a link worker (with or for the person) for a referral of a team they
 * are an active member of; read by those link workers and by admins. Anyone else: 404.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MeasureResource {

    final Measures measures;
    final Caller caller;

    MeasureResource(Measures measures, Caller caller) {
        this.measures = measures;
        this.caller = caller;
    }

    /** The measures of one referral and, per instrument, the change from baseline to follow-up. */
    public record ReferralWellbeing(String referralId, List<RecordedMeasure> measures, List<WellbeingChange> changes) {
    }

    @POST
    @Path("measures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("link-worker")
    @Operation(summary = "Record answers to ons4, swemwbs, ucla3 or goals at a timepoint; publishes outcome-recorded (scores only)")
    public Response record(MeasureRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a measure is required");
        }
        RecordedMeasure measure = measures.record(request, caller.username());
        return Response.created(URI.create("/referrals/" + measure.referralId() + "/wellbeing")).entity(measure).build();
    }

    @GET
    @Path("referrals/{referralId}/wellbeing")
    @RolesAllowed({"link-worker", "admin"})
    @Operation(summary = "A referral's measures and its change from baseline to follow-up per instrument")
    public ReferralWellbeing wellbeing(@PathParam("referralId") String referralId) {
        UUID id;
        try {
            id = UUID.fromString(referralId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("referral");
        }
        List<RecordedMeasure> recorded = measures.ofReferral(id, caller.isAdmin() ? null : caller.username());
        List<WellbeingChange> changes = new ArrayList<>();
        for (Instrument instrument : Instrument.values()) {
            WellbeingChange.of(instrument, recorded).ifPresent(changes::add);
        }
        return new ReferralWellbeing(referralId, recorded, changes);
    }
}
