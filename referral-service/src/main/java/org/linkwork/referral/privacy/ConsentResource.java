package org.linkwork.referral.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

@Path("/referrals/{id}/consent-withdrawal")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    final CareTeamAccess access;
    final Consent consent;
    final Caller caller;
    final AuditLog audit;

    ConsentResource(CareTeamAccess access, Consent consent, Caller caller, AuditLog audit) {
        this.access = access;
        this.consent = consent;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "Record that the person withdrew consent",
            description = "The referral is withdrawn (closed if already completed), and the person gets no more messages.")
    public ReferralView withdraw(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        consent.withdraw(referral, caller.username(), access.actingRole());
        audit.record("consent-withdrawn", referral, null);
        return ReferralView.of(referral);
    }
}
