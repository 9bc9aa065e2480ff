package org.linkwork.referral.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.AuditLog;

@Path("/referrals/{id}/summary")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    final CareTeamAccess access;
    final Summaries summaries;
    final AuditLog audit;

    SummaryResource(CareTeamAccess access, Summaries summaries, AuditLog audit) {
        this.access = access;
        this.summaries = summaries;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "The message back to the referrer",
            description = "Status and outcome, SNOMED CT 871731000000106 (referral) or 871711000000103 (declined), the activities "
                    + "taken up, and, with consent, the change in wellbeing scores.")
    public ReferralSummary summary(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        audit.record("read-summary", referral, null);
        return summaries.of(referral);
    }
}
