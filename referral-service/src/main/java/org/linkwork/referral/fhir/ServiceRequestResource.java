package org.linkwork.referral.fhir;

import static org.linkwork.referral.fhir.FhirResponses.FHIR_JSON;

import ca.uhn.fhir.parser.DataFormatException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.Referral;
import org.linkwork.referral.intake.ReferralIntake;
import org.linkwork.referral.loop.ActivityAccess;
import org.linkwork.referral.loop.ActivityReferral;
import org.linkwork.referral.privacy.AuditLog;

/** The FHIR R4 door for referring systems: ServiceRequest in, ServiceRequest out, OperationOutcome on error. */
@Path("/fhir/ServiceRequest")
public class ServiceRequestResource {

    final ReferralIntake intake;
    final CareTeamAccess access;
    final Caller caller;
    final AuditLog audit;
    final ActivityAccess activities;

    ServiceRequestResource(ReferralIntake intake, CareTeamAccess access, Caller caller, AuditLog audit, ActivityAccess activities) {
        this.intake = intake;
        this.access = access;
        this.caller = caller;
        this.audit = audit;
        this.activities = activities;
    }

    @POST
    @Consumes({FHIR_JSON, "application/json"})
    @Produces(FHIR_JSON)
    @RolesAllowed("referrer")
    @Operation(summary = "Refer by FHIR R4 ServiceRequest",
            description = "A contained Patient (NHS number), a contained Consent in supportingInfo, the practice's ODS code on the "
                    + "requester, needs as reasonCode codings from urn:linkwork:need. Answers 201 with the stored ServiceRequest.")
    public Response create(String body, UriInfo uri) {
        ServiceRequest sr;
        try {
            sr = FhirResponses.parser().parseResource(ServiceRequest.class, body);
        } catch (DataFormatException | ClassCastException e) {
            // the parser's message can quote the content, which is about a person: it is not echoed
            return FhirResponses.outcome(400, OperationOutcome.IssueType.STRUCTURE,
                    "not a FHIR R4 ServiceRequest in JSON (check resourceType, element names and value types)");
        }
        FhirIssues issues = new FhirIssues();
        ServiceRequestIn.Read read = ServiceRequestIn.read(sr, caller.organisation().orElse(null), caller.username(), issues);
        if (read == null) {
            return FhirResponses.outcome(422, issues.outcome());
        }
        Referral referral = intake.receive(read.arrival());
        return Response.created(uri.getBaseUriBuilder().path("fhir/ServiceRequest").path(referral.id.toString()).build())
                .type(FHIR_JSON).entity(FhirResponses.json(ServiceRequestOut.of(referral))).build();
    }

    @GET
    @Path("/{id}")
    @Produces(FHIR_JSON)
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Transactional
    @Operation(summary = "Read a referral, or the request behind an activity referral's Task, as a FHIR R4 ServiceRequest")
    public Response read(@PathParam("id") String id) {
        UUID uuid = FhirResponses.uuid(id);
        if (uuid == null) {
            return FhirResponses.notFound("ServiceRequest");
        }
        ActivityReferral activity = Referral.findById(uuid) == null ? ActivityReferral.findById(uuid) : null;
        if (activity != null && activities.canSee(activity)) {
            return Response.ok(FhirResponses.json(ActivityServiceRequestOut.of(activity, activity.referral())), FHIR_JSON).build();
        }
        Referral referral = access.referralVisibleToCaller(uuid);
        audit.record("read", referral, "fhir");
        return Response.ok(FhirResponses.json(ServiceRequestOut.of(referral)), FHIR_JSON).build();
    }

    /** Problems raised by the shared intake (a duplicate, a missing organisation) answer in FHIR's own terms here. */
    @ServerExceptionMapper
    Response problem(ProblemException e) {
        var p = e.problem();
        // the intake's only conflict is a duplicate referral
        OperationOutcome.IssueType type = p.status() == 409 ? OperationOutcome.IssueType.DUPLICATE : FhirResponses.issueType(p);
        OperationOutcome outcome = FhirResponses.outcomeOf(p, type);
        Object existing = p.extensions().get("existingReferralId");
        if (existing != null) {
            outcome.getIssueFirstRep().addExpression("ServiceRequest/" + existing);
        }
        return FhirResponses.outcome(p.status(), outcome);
    }
}
