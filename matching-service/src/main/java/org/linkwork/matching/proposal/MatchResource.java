package org.linkwork.matching.proposal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

@Path("/matches")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    final Caller caller;

    MatchResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({Caller.LINK_WORKER, Caller.ADMIN})
    @Operation(summary = "Read the activities proposed for a referral of your organisation",
            description = "The current proposal, best first, with the reasons for each. 404 until the referral is assessed and matched.")
    public MatchView read(@PathParam("referralId") UUID referralId) {
        MatchProposal proposal = MatchProposal.findById(referralId);
        // another organisation's referral answers as if it did not exist
        if (proposal == null || !caller.belongsTo(proposal.referrerOrganization)) {
            throw ProblemException.notFound("match proposal");
        }
        return MatchView.of(proposal);
    }
}
