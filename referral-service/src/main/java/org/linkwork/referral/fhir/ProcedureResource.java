package org.linkwork.referral.fhir;

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
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.linkwork.referral.Referral;
import org.linkwork.referral.loop.ActivityAccess;
import org.linkwork.referral.loop.ActivityProcedure;
import org.linkwork.referral.loop.ActivityReferral;
import org.linkwork.referral.privacy.AuditLog;

/** What was done for an activity referral: posted by the provider before completing its Task, read by everyone the Task concerns. */
@Path("/fhir/Procedure")
public class ProcedureResource {

    private static final Set<String> STATUSES = Set.of("preparation", "in-progress", "not-done", "on-hold", "stopped", "completed");

    final ActivityAccess activities;
    final AuditLog audit;

    ProcedureResource(ActivityAccess activities, AuditLog audit) {
        this.activities = activities;
        this.audit = audit;
    }

    @POST
    @Consumes({FhirResponses.FHIR_JSON, "application/json"})
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed("provider")
    @Transactional
    @Operation(summary = "Record what was done for an activity referral (a Procedure)",
            description = "basedOn = ServiceRequest/{id} (or Task/{id}) of an activity referral your organisation owns; status; code "
                    + "(coding or text); performedPeriod or performedDateTime. Reference it from the Task's output when completing it.")
    public Response create(String body, UriInfo uri) {
        Procedure posted;
        try {
            posted = FhirResponses.parser().parseResource(Procedure.class, body);
        } catch (DataFormatException | ClassCastException e) {
            return FhirResponses.outcome(400, OperationOutcome.IssueType.STRUCTURE, "not a FHIR R4 Procedure in JSON");
        }
        FhirIssues issues = new FhirIssues();
        ActivityReferral a = posted.getBasedOn().stream().map(Reference::getReference).filter(r -> r != null)
                .map(r -> r.replaceFirst("^(ServiceRequest|Task)/", "")).map(FhirResponses::uuid).filter(u -> u != null)
                .map(u -> ActivityReferral.<ActivityReferral>findById(u)).filter(x -> x != null && activities.isOwner(x)).findFirst().orElse(null);
        if (a == null) {
            issues.required("Procedure.basedOn", "basedOn must reference ServiceRequest/{id} of an activity referral sent to your organisation");
        }
        if (posted.getStatus() == null || !STATUSES.contains(posted.getStatus().toCode())) {
            issues.required("Procedure.status", "status is one of " + String.join(", ", STATUSES));
        }
        Coding coding = posted.getCode().getCodingFirstRep();
        String text = posted.getCode().hasText() ? posted.getCode().getText() : coding.getDisplay();
        if (!coding.hasCode() && (text == null || text.isBlank())) {
            issues.required("Procedure.code", "what was done, as a coding or text");
        } else if (text != null && text.length() > 300 || coding.hasCode() && coding.getCode().length() > 100
                || coding.hasSystem() && coding.getSystem().length() > 200) {
            issues.invalid("Procedure.code", "too long (text ≤ 300, code ≤ 100, system ≤ 200 characters)");
        }
        if (issues.any()) {
            return FhirResponses.outcome(422, issues.outcome());
        }
        ActivityProcedure p = new ActivityProcedure();
        p.id = UUID.randomUUID();
        p.activityReferralId = a.id;
        p.status = posted.getStatus().toCode();
        p.codeSystem = coding.getSystem();
        p.code = coding.getCode();
        p.codeText = text;
        if (posted.getPerformed() instanceof Period period) {
            p.performedStart = period.getStart() == null ? null : period.getStart().toInstant();
            p.performedEnd = period.getEnd() == null ? null : period.getEnd().toInstant();
        } else if (posted.getPerformed() instanceof DateTimeType when && when.getValue() != null) {
            p.performedEnd = when.getValue().toInstant();
        }
        p.recordedBy = activities.caller().username();
        p.recordedAt = Instant.now();
        p.persist();
        audit.record("procedure", a.referral(), a.id.toString());
        return Response.created(uri.getBaseUriBuilder().path("fhir/Procedure").path(p.id.toString()).build()).type(FhirResponses.FHIR_JSON)
                .entity(FhirResponses.json(of(p, a))).build();
    }

    @GET
    @Path("/{id}")
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Transactional
    @Operation(summary = "A Procedure: what was done for an activity referral")
    public Response read(@PathParam("id") String id) {
        UUID uuid = FhirResponses.uuid(id);
        ActivityProcedure p = uuid == null ? null : ActivityProcedure.findById(uuid);
        ActivityReferral a = p == null ? null : ActivityReferral.findById(p.activityReferralId);
        if (a == null || !activities.canSee(a)) {
            return FhirResponses.notFound("Procedure");
        }
        return Response.ok(FhirResponses.json(of(p, a)), FhirResponses.FHIR_JSON).build();
    }

    static Procedure of(ActivityProcedure p, ActivityReferral a) {
        Referral r = a.referral();
        Procedure out = new Procedure();
        out.setId(p.id.toString());
        out.getMeta().setLastUpdated(Date.from(p.recordedAt));
        out.setStatus(Procedure.ProcedureStatus.fromCode(p.status));
        CodeableConcept code = new CodeableConcept();
        if (p.code != null) {
            code.addCoding(new Coding(p.codeSystem, p.code, null));
        }
        code.setText(p.codeText);
        out.setCode(code);
        out.setSubject(new Reference("Patient/" + r.person.personRef));
        out.addBasedOn(new Reference("ServiceRequest/" + a.id));
        if (p.performedStart != null || p.performedEnd != null) {
            Period period = new Period();
            if (p.performedStart != null) {
                period.setStart(Date.from(p.performedStart));
            }
            if (p.performedEnd != null) {
                period.setEnd(Date.from(p.performedEnd));
            }
            out.setPerformed(period);
        }
        out.addPerformer().setActor(TaskOut.organisation(a.providerOrganization));
        return out;
    }
}
