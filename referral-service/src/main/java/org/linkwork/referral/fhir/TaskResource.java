package org.linkwork.referral.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.Referral;
import org.linkwork.referral.ReferralSettings;
import org.linkwork.referral.lifecycle.Lifecycle;
import org.linkwork.referral.loop.ActivityAccess;
import org.linkwork.referral.loop.ActivityProcedure;
import org.linkwork.referral.loop.ActivityReferral;
import org.linkwork.referral.loop.ActivityReferrals;
import org.linkwork.referral.loop.ActivityStatus;
import org.linkwork.referral.loop.ActivityTransitions.Party;
import org.linkwork.referral.privacy.AuditLog;

/**
 * FHIR Tasks as the SDOH Clinical Care (Gravity) guide's parties expect them. Referring systems
 * post a Task whose focus is a ServiceRequest on their own server and follow it; providers without a
 * system of their own (the guide's light client) list the Tasks they own, read what they point at,
 * and move them. Every Task's ETag is its version; a PUT needs If-Match.
 */
@Path("/fhir/Task")
public class TaskResource {

    final Caller caller;
    final JsonWebToken token;
    final Partners partners;
    final PartnerReferralFetch fetch;
    final ActivityAccess activities;
    final ActivityReferrals loop;
    final Lifecycle lifecycle;
    final AuditLog audit;

    TaskResource(Caller caller, JsonWebToken token, Partners partners, PartnerReferralFetch fetch, ActivityAccess activities,
            ActivityReferrals loop, Lifecycle lifecycle, AuditLog audit) {
        this.caller = caller;
        this.token = token;
        this.partners = partners;
        this.fetch = fetch;
        this.activities = activities;
        this.loop = loop;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    @POST
    @Consumes({FhirResponses.FHIR_JSON, "application/json"})
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed("referrer")
    @Operation(summary = "A referring system asks Linkwork to fulfil a referral (SDOHCC TaskForReferralManagement)",
            description = "status requested, intent order, focus = the absolute URL of a ServiceRequest under the FHIR base configured "
                    + "for your client. 201 with the Task; the ServiceRequest, its Patient and Consent are then fetched in the background "
                    + "and the Task follows the referral. A focus outside your base is 422 and nothing is fetched.")
    public Response create(String body, UriInfo uri) {
        Task posted;
        try {
            posted = FhirResponses.parser().parseResource(Task.class, body);
        } catch (DataFormatException | ClassCastException e) {
            return FhirResponses.outcome(400, OperationOutcome.IssueType.STRUCTURE,
                    "not a FHIR R4 Task in JSON (check resourceType, element names and value types)");
        }
        FhirIssues issues = new FhirIssues();
        if (posted.getStatus() != Task.TaskStatus.REQUESTED) {
            issues.invalid("Task.status", "a new Task has status requested");
        }
        if (posted.getIntent() != Task.TaskIntent.ORDER) {
            issues.invalid("Task.intent", "a referral Task has intent order");
        }
        if (posted.hasCode() && posted.getCode().getCoding().stream().noneMatch(c -> FhirCodes.FULFILL.equals(c.getCode()))) {
            issues.codeInvalid("Task.code", "code must be " + FhirCodes.TASK_CODE + "#" + FhirCodes.FULFILL);
        }
        String focus = posted.getFocus().getReference();
        String clientId = clientId();
        ReferralSettings.Partner partner = partners.of(clientId).orElse(null);
        if (focus == null || !focus.contains("://")) {
            issues.required("Task.focus", "focus must be the absolute URL of the ServiceRequest on your FHIR server");
        } else if (partner == null) {
            issues.add(OperationOutcome.IssueType.FORBIDDEN, "Task.focus",
                    "no FHIR base is configured for your client, so nothing can be fetched; ask the platform's administrators");
        } else if (Partners.resolve(partner.fhirBase(), focus, "ServiceRequest").isEmpty()) {
            issues.add(OperationOutcome.IssueType.FORBIDDEN, "Task.focus",
                    "focus must be a ServiceRequest under the FHIR base configured for your client; nothing was fetched");
        }
        String patient = posted.getFor().getReference();
        if (patient != null && partner != null && !patient.contains("://")) {
            patient = Partners.resolve(partner.fhirBase(), patient, "Patient").map(Object::toString).orElse(null);
        }
        if (issues.any()) {
            return FhirResponses.outcome(422, issues.outcome());
        }
        ReferralTask task = new ReferralTask();
        task.id = UUID.randomUUID();
        task.clientId = clientId;
        task.postedBy = caller.username();
        task.organisation = caller.organisation().orElse(null);
        task.focus = focus.strip();
        task.patientReference = patient == null || patient.length() > 1000 ? null : patient;
        task.requester = requesterOf(posted.getRequester());
        task.status = "requested";
        task.authoredOn = posted.hasAuthoredOn() ? posted.getAuthoredOn().toInstant() : Instant.now();
        task.updatedAt = Instant.now();
        task.nextFetchAt = Instant.now();
        QuarkusTransaction.requiringNew().run(task::persist);
        fetch.soon(task.id);
        return Response.created(uri.getBaseUriBuilder().path("fhir/Task").path(task.id.toString()).build())
                .type(FhirResponses.FHIR_JSON).header("ETag", FhirResponses.etag(task.version))
                .entity(FhirResponses.json(TaskOut.of(task, List.of()))).build();
    }

    @GET
    @Path("/{id}")
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Transactional
    @Operation(summary = "A Task: its status, statusReason and, once completed, its output (Procedures)")
    public Response read(@PathParam("id") String id) {
        UUID uuid = FhirResponses.uuid(id);
        ReferralTask task = uuid == null ? null : ReferralTask.findById(uuid);
        if (task != null && ownsTask(task)) {
            return FhirResponses.ok(TaskOut.of(task, proceduresOf(task)), task.version);
        }
        ActivityReferral a = uuid == null ? null : ActivityReferral.findById(uuid);
        if (a == null || !activities.canSee(a)) {
            return FhirResponses.notFound("Task");
        }
        audit.record("read-task", a.referral(), a.id.toString());
        return FhirResponses.ok(TaskOut.of(a, a.referral()), a.version);
    }

    @GET
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed({"referrer", "provider", "admin"})
    @Transactional
    @Operation(summary = "Search your Tasks: providers the Tasks they own (owner=Organization/{id}), referring systems the Tasks they posted",
            description = "_sort=-_lastUpdated (default) or _lastUpdated; status; _count (≤ 100). A searchset Bundle.")
    public Response search(@QueryParam("owner") String owner, @QueryParam("status") String status, @QueryParam("_sort") String sort,
            @QueryParam("_count") String countParam, UriInfo uri) {
        int count = QueryParameters.integer("_count", countParam, 50, 1, 100);
        String order = sort == null || sort.isBlank() || "-_lastUpdated".equals(sort) ? "desc" : "_lastUpdated".equals(sort) ? "asc" : null;
        if (order == null) {
            return FhirResponses.outcome(400, OperationOutcome.IssueType.NOTSUPPORTED, "_sort supports _lastUpdated and -_lastUpdated");
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.getMeta().setLastUpdated(new Date());
        String base = uri.getBaseUri().toString() + "fhir/Task/";
        if (caller.hasRole(Caller.PROVIDER) || caller.isAdmin()) {
            String org = caller.isAdmin() ? null : caller.organisation().orElse("-");
            String wanted = owner == null ? org : owner.startsWith("Organization/") ? owner.substring("Organization/".length()) : owner;
            if (org == null || org.equals(wanted)) {
                var found = wanted == null ? ActivityReferral.<ActivityReferral>find("order by updatedAt " + order)
                        : ActivityReferral.<ActivityReferral>find("providerOrganization = ?1 order by updatedAt " + order, wanted);
                for (ActivityReferral a : found.page(0, count).list()) {
                    if (status == null || status.equals(a.status.code())) {
                        bundle.addEntry().setFullUrl(base + a.id).setResource(TaskOut.of(a, a.referral()));
                    }
                }
            }
        } else {
            for (ReferralTask t : ReferralTask.<ReferralTask>find("clientId = ?1 order by updatedAt " + order, clientId()).page(0, count).list()) {
                if (status == null || status.equals(t.status)) {
                    bundle.addEntry().setFullUrl(base + t.id).setResource(TaskOut.of(t, proceduresOf(t)));
                }
            }
        }
        bundle.setTotal(bundle.getEntry().size());
        return Response.ok(FhirResponses.json(bundle), FhirResponses.FHIR_JSON).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes({FhirResponses.FHIR_JSON, "application/json"})
    @Produces(FhirResponses.FHIR_JSON)
    @RolesAllowed({"referrer", "link-worker", "provider", "admin"})
    @Transactional
    @Operation(summary = "Change a Task's status (If-Match: the ETag you read)",
            description = "Referring systems and link workers (the requester) may cancel; the provider (the owner) accepts, rejects "
                    + "(statusReason), starts (in-progress), puts on hold, completes (output → Procedure) or marks failed. "
                    + "A stale If-Match is 412; an illegal change 409 naming the allowed ones.")
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        UUID uuid = FhirResponses.uuid(id);
        ReferralTask task = uuid == null ? null : ReferralTask.findById(uuid);
        ActivityReferral a = task != null || uuid == null ? null : ActivityReferral.findById(uuid);
        boolean mine = task != null ? ownsTask(task) : a != null && activities.canSee(a);
        if (!mine) {
            return FhirResponses.notFound("Task");
        }
        Task sent;
        try {
            sent = FhirResponses.parser().parseResource(Task.class, body);
        } catch (DataFormatException | ClassCastException e) {
            return FhirResponses.outcome(400, OperationOutcome.IssueType.STRUCTURE, "not a FHIR R4 Task in JSON");
        }
        if (sent.getIdElement().hasIdPart() && !id.equals(sent.getIdElement().getIdPart())) {
            return FhirResponses.outcome(400, OperationOutcome.IssueType.INVALID, "the Task's id does not match the URL");
        }
        if (sent.getStatus() == null) {
            return FhirResponses.outcome(422, OperationOutcome.IssueType.REQUIRED, "Task.status is required");
        }
        Long expected = version(ifMatch);
        if (expected == null) {
            return FhirResponses.outcome(428, OperationOutcome.IssueType.REQUIRED,
                    "If-Match with the Task's ETag (W/\"<version>\") is required, so no one else's change is overwritten");
        }
        long current = task != null ? task.version : a.version;
        if (expected != current) {
            return FhirResponses.outcome(412, OperationOutcome.IssueType.CONFLICT,
                    "The Task has changed since you read it (version " + current + "); read it again");
        }
        String reasonCode = sent.getStatusReason().getCoding().stream().map(Coding::getCode).filter(c -> c != null && c.matches("^[a-z0-9][a-z0-9-]{0,49}$"))
                .findFirst().orElse(sent.getStatusReason().hasText() ? "other" : null);
        String reasonText = sent.getStatusReason().hasText() ? truncate(sent.getStatusReason().getText(), 500) : null;
        String to = sent.getStatus().toCode();
        if (task != null) {
            return cancelReferralTask(task, to, reasonCode);
        }
        return moveActivity(a, to, reasonCode, reasonText, sent);
    }

    private Response cancelReferralTask(ReferralTask task, String to, String reasonCode) {
        if (!to.equals(task.status)) {
            if (!"cancelled".equals(to)) {
                throw notAllowed("The requester may only cancel a Task (status cancelled); Linkwork sets the others", List.of("cancelled"));
            }
            String code = reasonCode == null ? "requester-cancelled" : reasonCode;
            if (task.referralId == null) {
                if (!"requested".equals(task.status)) {
                    throw notAllowed("A Task that is " + task.status + " cannot be cancelled", List.of());
                }
                task.status = "cancelled";
                task.statusReasonCode = code;
                task.statusReason = "Cancelled by the referring system";
                task.nextFetchAt = null;
                task.updatedAt = Instant.now();
            } else {
                Referral referral = Referral.findById(task.referralId);
                if (!referral.status.isOpen() || referral.status == ReferralStatus.COMPLETED) {
                    throw notAllowed("The referral is " + referral.status.code() + ": a Task that is " + task.status + " cannot be cancelled",
                            List.of());
                }
                lifecycle.move(referral, ReferralStatus.WITHDRAWN, caller.username(), Caller.REFERRER, code, null);
                audit.record("task-cancelled", referral, task.id.toString());
            }
            ReferralTask.flush();
        }
        return FhirResponses.ok(TaskOut.of(task, proceduresOf(task)), task.version);
    }

    private Response moveActivity(ActivityReferral a, String code, String reasonCode, String reasonText, Task sent) {
        ActivityStatus to = ActivityStatus.fromCode(code).orElse(null);
        if (to == null) {
            return FhirResponses.outcome(422, OperationOutcome.IssueType.CODEINVALID,
                    "Task.status " + code + " is not used for activity referrals");
        }
        if (to != a.status) {
            Party party = activities.partyOf(a).orElse(null);
            if (party == null) {
                throw notAllowed("You may read this Task but not change it", List.of());
            }
            List<ActivityProcedure> procedures = new ArrayList<>();
            for (Task.TaskOutputComponent output : sent.getOutput()) {
                if (output.getValue() instanceof Reference ref && ref.getReference() != null) {
                    String[] parts = ref.getReference().split("/");
                    UUID pid = parts.length >= 2 && "Procedure".equals(parts[parts.length - 2]) ? FhirResponses.uuid(parts[parts.length - 1]) : null;
                    ActivityProcedure p = pid == null ? null : ActivityProcedure.findById(pid);
                    if (p == null || !p.activityReferralId.equals(a.id)) {
                        return FhirResponses.outcome(422, OperationOutcome.IssueType.INVALID,
                                "Task.output must reference a Procedure you posted for this Task (basedOn ServiceRequest/" + a.id + ")");
                    }
                    procedures.add(p);
                }
            }
            if (!procedures.isEmpty() && to != ActivityStatus.COMPLETED) {
                return FhirResponses.outcome(422, OperationOutcome.IssueType.INVALID, "Task.output is given when a Task is completed");
            }
            loop.move(a, to, party, caller.username(), activities.actingRole(a), reasonCode, reasonText, null, procedures);
            audit.record("activity-" + to.code(), a.referral(), a.id.toString());
            ActivityReferral.flush();
        }
        return FhirResponses.ok(TaskOut.of(a, a.referral()), a.version);
    }

    /** 409 invalid-transition, naming the statuses the caller may set instead (answered as a business-rule issue). */
    private static ProblemException notAllowed(String detail, List<String> allowed) {
        return new ProblemException(Problem.of("invalid-transition", "This status change is not allowed", 409, detail, List.of())
                .with("allowed", allowed));
    }

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return FhirResponses.problem(e);
    }

    /** The referring system that posted the Task, or an admin. */
    private boolean ownsTask(ReferralTask task) {
        return caller.isAdmin() || caller.hasRole(Caller.REFERRER) && task.clientId.equals(clientId());
    }

    private static List<ActivityProcedure> proceduresOf(ReferralTask task) {
        if (task.referralId == null) {
            return List.of();
        }
        return ActivityReferral.ofReferral(task.referralId).stream().filter(a -> a.status == ActivityStatus.COMPLETED)
                .flatMap(a -> ActivityProcedure.ofActivity(a.id).stream()).toList();
    }

    /** The OAuth client the token was issued to (azp); tokens without one stand for their user. */
    String clientId() {
        for (String claim : List.of("azp", "client_id")) {
            Object value = token.getClaim(claim);
            String s = value instanceof jakarta.json.JsonString js ? js.getString() : value == null ? null : value.toString();
            if (s != null && !s.isBlank()) {
                return s;
            }
        }
        return caller.username();
    }

    private static String requesterOf(Reference requester) {
        if (requester == null || requester.isEmpty()) {
            return null;
        }
        String ref = requester.getReference();
        return ref != null && ref.length() <= 300 && !ref.startsWith("#") ? ref : null;
    }

    /** W/"3", "3" or 3. */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
