package org.linkwork.referral.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.AgeBands;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralView;
import org.linkwork.referral.lifecycle.Lifecycle;
import org.linkwork.referral.privacy.AuditLog;
import org.linkwork.referral.timeline.Timeline;

@Path("/referrals/{id}/assessment")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    final CareTeamAccess access;
    final Caller caller;
    final Lifecycle lifecycle;
    final Outbox outbox;
    final Timeline timeline;
    final AuditLog audit;
    final ObjectMapper json;

    AssessmentResource(CareTeamAccess access, Caller caller, Lifecycle lifecycle, Outbox outbox, Timeline timeline, AuditLog audit,
            ObjectMapper json) {
        this.access = access;
        this.caller = caller;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.timeline = timeline;
        this.audit = audit;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("link-worker")
    @Transactional
    @Operation(summary = "Record a what-matters-to-you assessment",
            description = "Allowed once the person has been contacted, and again later (re-assessment). Publishes referral-assessed, "
                    + "coded, which starts matching.")
    public ReferralView assess(@PathParam("id") UUID id, @NotNull @Valid AssessmentRequest request) {
        Referral referral = access.referralVisibleToCaller(id);
        boolean reassessment = Assessment.count("referralId", referral.id) > 0;
        if (referral.status != ReferralStatus.ASSESSED) {
            // contacted → assessed, matched → assessed (re-assessed); anything else is refused with the allowed moves
            lifecycle.follow(referral, ReferralStatus.ASSESSED, caller.username(), Caller.LINK_WORKER, reassessment ? "reassessed" : null);
        }
        // PostgreSQL keeps microseconds; the stored and the published time are the same
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.referralId = referral.id;
        assessment.linkWorker = caller.username();
        assessment.needs = request.needs().stream().map(Need::code).distinct().collect(Collectors.joining(","));
        assessment.details = write(request);
        assessment.assessedAt = now;
        assessment.persist();
        timeline.add(referral, "assessed", reassessment ? "Re-assessed" : "Assessment recorded", caller.username(), Caller.LINK_WORKER);
        audit.record("assess", referral, null);

        AssessmentRequest.Preferences p = request.preferencesOrAny();
        AssessmentRequest.Travel travel = request.travel();
        outbox.publish(new ReferralAssessed(referral.id.toString(), referral.person.personRef, referral.referrerOrganization,
                referral.linkWorker, request.needs().stream().map(Need::code).distinct().toList(),
                request.goalsOrNone().stream().map(g -> g.needArea().code()).distinct().toList(),
                AssessmentRequest.orNone(request.interests()),
                new ReferralAssessed.Preferences(AssessmentRequest.orNone(p.deliveryModes()), AssessmentRequest.orNone(p.days()),
                        AssessmentRequest.orNone(p.timesOfDay()), p.setting(), p.language()),
                AssessmentRequest.orNone(request.healthConditions()), AssessmentRequest.orNone(request.accessibilityRequirements()),
                request.digitalAccess(),
                new ReferralAssessed.Travel(Postcodes.districtOf(travel.postcode()).orElseThrow(), travel.maxTravelKm(),
                        Boolean.TRUE.equals(travel.publicTransportOnly())),
                Boolean.TRUE.equals(request.costSensitive()), AgeBands.of(referral.person.dateOfBirth, LocalDate.now()), reassessment,
                now, referral.teamId));
        return ReferralView.of(referral);
    }

    /** The assessments of a referral, latest first, as recorded. */
    @GET
    @RolesAllowed({"link-worker", "admin"})
    @Transactional
    @Operation(summary = "The assessments recorded for a referral, latest first")
    public List<RecordedAssessment> list(@PathParam("id") UUID id) {
        Referral referral = access.referralVisibleToCaller(id);
        audit.record("read-assessment", referral, null);
        return Assessment.<Assessment>list("referralId = ?1 order by assessedAt desc", referral.id).stream()
                .map(a -> new RecordedAssessment(a.id, a.linkWorker, a.assessedAt, read(a.details))).toList();
    }

    public record RecordedAssessment(UUID id, String linkWorker, Instant assessedAt, AssessmentRequest assessment) {
    }

    private String write(AssessmentRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment could not be written");
        }
    }

    private AssessmentRequest read(String details) {
        if (details == null) {
            return null;
        }
        try {
            return json.readValue(details, AssessmentRequest.class);
        } catch (JsonProcessingException e) {
            throw new ProblemException(org.linkwork.platform.problem.Problem.of("unreadable", "Stored assessment unreadable", 500,
                    "The stored assessment could not be read", List.of()));
        }
    }
}
