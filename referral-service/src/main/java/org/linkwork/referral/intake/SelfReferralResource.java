package org.linkwork.referral.intake;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.referral.Referral;

@Path("/self-referrals")
@Produces(MediaType.APPLICATION_JSON)
public class SelfReferralResource {

    final ReferralIntake intake;
    final SelfReferralThrottle throttle;

    SelfReferralResource(ReferralIntake intake, SelfReferralThrottle throttle) {
        this.intake = intake;
        this.throttle = throttle;
    }

    /** What the person is told: enough to quote if they call, nothing about anyone else. */
    public record Receipt(UUID reference, String status, Instant receivedAt, String whatHappensNext) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Operation(summary = "Refer yourself to a link worker", description = "No account needed; limited per client address.")
    public Response refer(@NotNull @Valid SelfReferral request, @Context HttpServerRequest http) {
        throttle.admit(SelfReferralThrottle.clientOf(http));
        Referral referral = intake.receive(request.arrival());
        return Response.status(201).entity(new Receipt(referral.id, referral.status.code(), referral.receivedAt,
                "A link worker will contact you within a few working days, using the details you gave.")).build();
    }
}
