package org.linkwork.referral.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.AgeBands;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.lifecycle.Lifecycle;

@Path("/referrals/{id}/assessment")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    /** Statuses from which a link worker may record an assessment (a re-assessment included). */
    static final Set<ReferralStatus> ASSESSABLE = EnumSet.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED,
            ReferralStatus.CONTACTED, ReferralStatus.ASSESSED, ReferralStatus.MATCHED);

    final CareTeamAccess access;
    final Caller caller;
    final Lifecycle lifecycle;
    final Outbox outbox;

    AssessmentResource(CareTeamAccess access, Caller caller, Lifecycle lifecycle, Outbox outbox) {
        this.access = access;
        this.caller = caller;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("link-worker")
    @Transactional
    @Operation(summary = "Record a what-matters-to-you assessment", description = "Publishes referral-assessed, which starts matching.")
    public ReferralView assess(@PathParam("id") UUID id, @NotNull @Valid AssessmentRequest request) {
        Referral referral = access.referralVisibleToCaller(id);
        if (!ASSESSABLE.contains(referral.status)) {
            throw new ProblemException(Problem.of("invalid-transition", "Conflict", 409,
                    "A referral that is " + referral.status.code() + " cannot be assessed", List.of()));
        }
        if (referral.linkWorker == null) {
            referral.linkWorker = caller.username(); // the link worker who assesses takes the referral on
        }
        Instant now = Instant.now();
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.referralId = referral.id;
        assessment.linkWorker = caller.username();
        assessment.needs = request.needs().stream().map(Need::code).distinct().collect(Collectors.joining(","));
        assessment.deliveryModes = request.deliveryModesOrAny().stream().map(AssessmentRequest.DeliveryMode::code).collect(Collectors.joining(","));
        assessment.preferredDays = request.preferredDaysOrAny().stream().map(Enum::name).collect(Collectors.joining(","));
        assessment.postcode = Postcodes.normalise(request.postcode());
        assessment.maxTravelKm = request.maxTravelKm() == null ? null : BigDecimal.valueOf(request.maxTravelKm());
        assessment.assessedAt = now;
        assessment.persist();

        lifecycle.move(referral, ReferralStatus.ASSESSED, caller.username(), Caller.LINK_WORKER, null);
        outbox.publish(new ReferralAssessed(referral.id.toString(), referral.person.personRef, referral.referrerOrganization,
                referral.linkWorker, request.needs().stream().map(Need::code).distinct().toList(), List.of(), List.of(),
                new ReferralAssessed.Preferences(request.deliveryModesOrAny().stream().map(AssessmentRequest.DeliveryMode::code).toList(),
                        request.preferredDaysOrAny().stream().map(Enum::name).toList(), List.of(), null, null),
                List.of(), List.of(), null,
                new ReferralAssessed.Travel(Postcodes.districtOf(request.postcode()).orElseThrow(), request.maxTravelKm(), false),
                false, AgeBands.of(referral.person.dateOfBirth, LocalDate.now()), false, now));
        return ReferralView.of(referral);
    }
}
