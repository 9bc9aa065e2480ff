package org.linkwork.referral.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.events.Vocabulary;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.privacy.AuditLog;

/** A referral sent to the wrong team goes to the right one, with the reason. */
@Path("/referrals/{id}/team")
@Produces(MediaType.APPLICATION_JSON)
public class TeamMoveResource {

    final CareTeamAccess access;
    final Assignment assignment;
    final Caller caller;
    final AuditLog audit;

    TeamMoveResource(CareTeamAccess access, Assignment assignment, Caller caller, AuditLog audit) {
        this.access = access;
        this.assignment = assignment;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * @param reasonCode one of {@link Vocabulary#TEAM_MOVE_REASONS}; it travels on the event
     * @param note what the receiving team should know, kept on the referral's timeline only
     */
    public record TeamMove(@NotBlank String teamId, @NotBlank String reasonCode, @Size(max = 1000) String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"link-worker", "admin"})
    @Transactional
    @Operation(summary = "Move a referral to another link-worker team",
            description = "For a referral sent to the wrong team. The receiving team's least-loaded active link worker takes it; the "
                    + "team it left no longer sees it. reasonCode: wrong-practice, wrong-area, person-moved, specialist-team, "
                    + "team-capacity, other. 409 when the referral is closed or the receiving team has no active link worker.")
    public ReferralView move(@PathParam("id") UUID id, @NotNull @Valid TeamMove request) {
        if (!Vocabulary.TEAM_MOVE_REASONS.contains(request.reasonCode())) {
            throw ProblemException.invalid("reasonCode", "must be one of " + String.join(", ", Vocabulary.TEAM_MOVE_REASONS.stream().sorted().toList()));
        }
        Referral referral = access.referralVisibleToCaller(id);
        assignment.moveToTeam(referral, request.teamId().strip(), request.reasonCode(), request.note(), caller.username(), access.actingRole());
        audit.record("move-team", referral, request.teamId().strip());
        return ReferralView.of(referral);
    }
}
