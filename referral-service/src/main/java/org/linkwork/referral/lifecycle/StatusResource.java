package org.linkwork.referral.lifecycle;

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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.privacy.AuditLog;

@Path("/referrals/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    final CareTeamAccess access;
    final Caller caller;
    final Lifecycle lifecycle;
    final AuditLog audit;

    StatusResource(CareTeamAccess access, Caller caller, Lifecycle lifecycle, AuditLog audit) {
        this.access = access;
        this.caller = caller;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "Move a referral to another status", description = "An illegal change is 409 with the allowed ones listed.")
    public ReferralView change(@PathParam("id") UUID id, @NotNull @Valid StatusRequest request) {
        Referral referral = access.referralVisibleToCaller(id);
        ReferralStatus to = ReferralStatus.fromCode(request.status()).orElseThrow(() -> ProblemException.invalid("status",
                "not a referral status; one of " + String.join(", ", java.util.Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList())));
        if (Transitions.needsReason(to) && request.reasonCode() == null) {
            throw ProblemException.invalid("reasonCode", "a coded reason is needed to mark a referral " + to.code());
        }
        lifecycle.move(referral, to, caller.username(), access.actingRole(), request.reasonCode(), request.comment());
        audit.record("status", referral, to.code());
        return ReferralView.of(referral);
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Operation(summary = "The statuses you may move this referral to now")
    public AllowedStatuses allowed(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        return new AllowedStatuses(referral.status.code(),
                Transitions.allowedFor(referral.status, access.actingRole()).stream().map(ReferralStatus::code).toList());
    }

    public record AllowedStatuses(String status, List<String> allowed) {
    }
}
