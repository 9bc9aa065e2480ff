package org.linkwork.referral.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

@Path("/teams/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    final Teams teams;
    final Caller caller;

    TeamResource(Teams teams, Caller caller) {
        this.teams = teams;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Create or replace a link-worker team", description = "Practices and areas it serves, and its members.")
    public Response put(@PathParam("id") @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$", message = "lower-case letters, digits and dashes") String id,
            @NotNull @Valid TeamRequest request) {
        boolean created = teams.replace(id, request);
        return Response.status(created ? 201 : 200).entity(teams.view(id).orElseThrow()).build();
    }

    @GET
    @RolesAllowed({"link-worker", "admin"})
    @Operation(summary = "A team, with each member's open caseload")
    public TeamView get(@PathParam("id") String id) {
        if (!caller.isAdmin() && !TeamMember.isMember(id, caller.username())) {
            throw ProblemException.notFound("team");
        }
        return teams.view(id).orElseThrow(() -> ProblemException.notFound("team"));
    }
}
