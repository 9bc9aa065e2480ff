package org.linkwork.referral.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.privacy.AuditLog;

@Path("/referrals/{id}/assignment")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    final CareTeamAccess access;
    final Assignment assignment;
    final Caller caller;
    final AuditLog audit;

    AssignmentResource(CareTeamAccess access, Assignment assignment, Caller caller, AuditLog audit) {
        this.access = access;
        this.assignment = assignment;
        this.caller = caller;
        this.audit = audit;
    }

    public record AssignmentRequest(@NotBlank String linkWorker) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"link-worker", "admin"})
    @Transactional
    @Operation(summary = "Reassign a referral to another link worker of its team")
    public ReferralView reassign(@PathParam("id") UUID id, @NotNull @Valid AssignmentRequest request) {
        Referral referral = access.referralVisibleToCaller(id);
        assignment.reassign(referral, request.linkWorker(), caller.username(), access.actingRole());
        audit.record("assign", referral, request.linkWorker());
        return ReferralView.of(referral);
    }
}
