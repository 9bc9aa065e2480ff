package org.linkwork.referral.intake;

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
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.AuditLog;

@Path("/referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    final ReferralIntake intake;
    final CareTeamAccess access;
    final Caller caller;
    final AuditLog audit;

    ReferralResource(ReferralIntake intake, CareTeamAccess access, Caller caller, AuditLog audit) {
        this.intake = intake;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("referrer")
    @Operation(summary = "Refer a person to social prescribing",
            description = "The referring organisation is the caller's org_id. A second open referral of the same person within the "
                    + "duplicate window is 409 unless duplicateOverride gives a reason. Send an Idempotency-Key to retry safely.")
    public Response refer(@NotNull @Valid NewReferral request, UriInfo uri) {
        String organisation = referringOrganisation(caller);
        Referral referral = intake.receive(request.arrival("api", organisation, caller.username()));
        return Response.created(uri.getAbsolutePathBuilder().path(referral.id.toString()).build())
                .entity(ReferralView.of(referral)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "Read a referral you may see")
    public ReferralView read(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        audit.record("read", referral, null);
        return ReferralView.of(referral);
    }

    static String referringOrganisation(Caller caller) {
        return caller.organisation().orElseThrow(() -> new ProblemException(Problem.of("no-organisation",
                "Forbidden", 403, "Your account has no organisation (org_id), so it cannot refer", List.of())));
    }
}
