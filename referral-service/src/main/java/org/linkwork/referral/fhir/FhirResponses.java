package org.linkwork.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/** FHIR R4 JSON in and out, and problems answered as OperationOutcome. */
final class FhirResponses {

    static final String FHIR_JSON = "application/fhir+json";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirResponses() {
    }

    static IParser parser() {
        return FHIR.newJsonParser().setPrettyPrint(false);
    }

    static String json(IBaseResource resource) {
        return parser().encodeResourceToString(resource);
    }

    static Response ok(IBaseResource resource, long version) {
        return Response.ok(json(resource), FHIR_JSON).header("ETag", etag(version)).build();
    }

    /** A resource's version as a weak ETag; a PUT names it in If-Match. */
    static String etag(long version) {
        return "W/\"" + version + "\"";
    }

    static Response outcome(int status, OperationOutcome outcome) {
        return Response.status(status).type(FHIR_JSON).entity(json(outcome)).build();
    }

    static Response outcome(int status, OperationOutcome.IssueType type, String message) {
        return outcome(status, FhirIssues.single(type, message));
    }

    static Response notFound(String resourceType) {
        return outcome(404, OperationOutcome.IssueType.NOTFOUND, "No " + resourceType + " with that id is visible to you");
    }

    /** A problem raised by the shared domain code, in FHIR's terms; extension members such as {@code allowed} become issues. */
    static Response problem(ProblemException e) {
        Problem p = e.problem();
        return outcome(p.status(), outcomeOf(p, issueType(p)));
    }

    /** The FHIR issue type of a problem, by its status (and, for a 409, by what kind of conflict it is). */
    static OperationOutcome.IssueType issueType(Problem p) {
        return switch (p.status()) {
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 409 -> "invalid-transition".equals(slug(p)) ? OperationOutcome.IssueType.BUSINESSRULE : OperationOutcome.IssueType.CONFLICT;
            case 412 -> OperationOutcome.IssueType.CONFLICT;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            default -> OperationOutcome.IssueType.INVALID;
        };
    }

    /** The problem's detail as one issue of this type, then one issue per field it names. */
    static OperationOutcome outcomeOf(Problem p, OperationOutcome.IssueType type) {
        OperationOutcome outcome = FhirIssues.single(type, p.detail());
        (p.errors() == null ? List.<Problem.FieldError>of() : p.errors()).forEach(f -> outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(f.message()).addExpression(f.field()));
        return outcome;
    }

    /** The last part of the problem's type, e.g. duplicate-referral. */
    static String slug(Problem p) {
        return p.type() == null ? "" : p.type().substring(p.type().lastIndexOf(':') + 1);
    }

    /** A FHIR id from a path: anything that is not a UUID cannot name one of ours. */
    static java.util.UUID uuid(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }
}
