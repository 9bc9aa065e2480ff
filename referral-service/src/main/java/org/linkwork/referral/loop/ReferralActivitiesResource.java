package org.linkwork.referral.loop;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.AuditLog;

/** A referral's activity referrals: the link worker sends one for a proposed activity; the care team lists them. */
@Path("/referrals/{id}/activity-referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralActivitiesResource {

    final CareTeamAccess access;
    final ActivityReferrals loop;
    final AuditLog audit;

    ReferralActivitiesResource(CareTeamAccess access, ActivityReferrals loop, AuditLog audit) {
        this.access = access;
        this.loop = loop;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"link-worker", "admin"})
    @Transactional
    @Operation(summary = "Send an activity referral to the provider of a proposed activity",
            description = "serviceId must be one matching proposed for this referral; the provider organisation is the one that runs "
                    + "it. shareContact: the person agreed the provider may phone them. 409 unless the referral is matched or in-activity.")
    public Response send(@PathParam("id") UUID id, @NotNull @Valid ActivityRequests.Send request, UriInfo uri) {
        Referral referral = access.referralVisibleToCaller(id);
        ActivityReferral a = loop.send(referral, new ActivityReferrals.Request(request.serviceId(), request.activityType(),
                Boolean.TRUE.equals(request.shareContact()), request.nextSessionAt()), access.caller().username(), access.actingRole());
        audit.record("activity-referral", referral, a.id.toString());
        return Response.created(uri.getBaseUriBuilder().path("activity-referrals").path(a.id.toString()).build())
                .entity(ActivityReferralView.forCareTeam(a, List.of(ActivityStatus.CANCELLED.code()))).build();
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "The referral's activity referrals, oldest first")
    public List<ActivityReferralView> list(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        boolean requester = !"referrer".equals(access.actingRole());
        return ActivityReferral.ofReferral(referral.id).stream().map(a -> ActivityReferralView.forCareTeam(a,
                requester ? ActivityTransitions.allowedFor(a.status, ActivityTransitions.Party.REQUESTER).stream()
                        .map(ActivityStatus::code).toList() : List.of())).toList();
    }
}
