package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.referral.Referrals;

/** A provider without a system of its own drives its Task through the guide's light-client calls. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class LightClientTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String PROVIDER = Referrals.provider();

    static ExtractableResponse<Response> get(String token, String path) {
        return given().header("Authorization", token).get(path).then().extract();
    }

    static Task put(Task task, String etag, int expected) {
        String body = given().header("Authorization", PROVIDER).header("If-Match", etag).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(task)).put("/fhir/Task/" + task.getIdElement().getIdPart())
                .then().statusCode(expected).extract().asString();
        return expected == 200 ? FHIR.newJsonParser().parseResource(Task.class, body) : null;
    }

    static String etag(Task task) {
        return "W/\"" + task.getMeta().getVersionId() + "\"";
    }

    @Test
    void aProviderAcceptsStartsAndCompletesItsTaskOverFhir() {
        String referral = Referrals.create();
        String service = Referrals.match(referral);
        String activity = Referrals.sendActivity(referral, service, true);

        // the Tasks it owns, latest first
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class,
                get(PROVIDER, "/fhir/Task?owner=Organization/" + Referrals.PROVIDER_ORG + "&_sort=-_lastUpdated").asString());
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        Task task = (Task) bundle.getEntryFirstRep().getResource();
        assertThat(task.getIdElement().getIdPart()).isEqualTo(activity);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getMeta().getProfile().get(0).getValue()).isEqualTo(FhirCodes.TASK_PROFILE);
        assertThat(task.getOwner().getReference()).isEqualTo("Organization/" + Referrals.PROVIDER_ORG);
        // another provider's search finds none of them
        Bundle others = FHIR.newJsonParser().parseResource(Bundle.class, get(TestTokens.bearer("p.other", "provider", "org-other-provider"),
                "/fhir/Task?owner=Organization/" + Referrals.PROVIDER_ORG).asString());
        assertThat(others.getEntry()).isEmpty();

        // what the Task points at: the request, the person (minimum necessary), the consent
        ServiceRequest sr = FHIR.newJsonParser().parseResource(ServiceRequest.class,
                get(PROVIDER, "/fhir/" + task.getFocus().getReference()).asString());
        assertThat(sr.getCode().getText()).isEqualTo("Tuesday walk and talk");
        assertThat(sr.getContained()).isEmpty();
        String patientJson = get(PROVIDER, "/fhir/" + task.getFor().getReference()).asString();
        Patient patient = FHIR.newJsonParser().parseResource(Patient.class, patientJson);
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Ann");
        assertThat(patient.getNameFirstRep().getFamily()).isNull();
        assertThat(patient.getTelecomFirstRep().getValue()).isEqualTo("07700 900123");
        assertThat(patient.hasBirthDate()).isFalse();
        assertThat(patient.hasAddress()).isFalse();
        assertThat(patientJson).doesNotContain("Example", "ann@example.org", "nhs-number", "1950-03-02");
        Consent consent = FHIR.newJsonParser().parseResource(Consent.class,
                get(PROVIDER, "/fhir/" + sr.getSupportingInfoFirstRep().getReference()).asString());
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        // the referral itself (with identifiers) is not the provider's to read
        assertThat(get(PROVIDER, "/fhir/ServiceRequest/" + referral).statusCode()).isEqualTo(404);

        // accept, with a stale ETag first
        task.setStatus(Task.TaskStatus.ACCEPTED);
        put(task, "W/\"99\"", 412);
        task = put(task, etag(task), 200);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        // the provider may not cancel: that is the requester's
        task.setStatus(Task.TaskStatus.CANCELLED);
        given().header("Authorization", PROVIDER).header("If-Match", etag(task)).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(task)).put("/fhir/Task/" + activity).then().statusCode(409)
                .body("issue[0].code", equalTo("business-rule"));

        task.setStatus(Task.TaskStatus.INPROGRESS);
        task = put(task, etag(task), 200);
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + referral).then().body("status", equalTo("in-activity"));

        // what was done, then the Task completed with it as output
        Procedure done = new Procedure();
        done.setStatus(Procedure.ProcedureStatus.COMPLETED);
        done.addBasedOn(new Reference("ServiceRequest/" + activity));
        done.setCode(new CodeableConcept().setText("Attended six weekly walks"));
        done.setPerformed(new Period().setStart(new Date(System.currentTimeMillis() - 86_400_000L * 42)).setEnd(new Date()));
        ExtractableResponse<Response> posted = given().header("Authorization", PROVIDER).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(done)).post("/fhir/Procedure").then().statusCode(201).extract();
        String procedureId = posted.path("id");
        task.setStatus(Task.TaskStatus.COMPLETED);
        task.addOutput().setType(new CodeableConcept().addCoding(new Coding(FhirCodes.SDOHCC_TEMPORARY_CODES, "resulting-activity", null)))
                .setValue(new Reference("Procedure/" + procedureId));
        task = put(task, etag(task), 200);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(((Reference) task.getOutputFirstRep().getValue()).getReference()).isEqualTo("Procedure/" + procedureId);
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + referral).then().body("status", equalTo("completed"));
        Procedure read = FHIR.newJsonParser().parseResource(Procedure.class, get(Referrals.gp(), "/fhir/Procedure/" + procedureId).asString());
        assertThat(read.getCode().getText()).isEqualTo("Attended six weekly walks");
        // the activity is over: the person's details are no longer the provider's to read
        assertThat(get(PROVIDER, "/fhir/" + task.getFor().getReference()).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectingNeedsAStatusReasonAndAProcedureMustBeForYourOwnTask() {
        String referral = Referrals.create();
        String service = Referrals.match(referral);
        String activity = Referrals.sendActivity(referral, service, false);
        Task task = FHIR.newJsonParser().parseResource(Task.class, get(PROVIDER, "/fhir/Task/" + activity).asString());
        task.setStatus(Task.TaskStatus.REJECTED);
        given().header("Authorization", PROVIDER).header("If-Match", etag(task)).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(task)).put("/fhir/Task/" + activity).then().statusCode(400);
        task.setStatusReason(new CodeableConcept().addCoding(new Coding(FhirCodes.STATUS_REASON, "no-capacity", null))
                .setText("The group is full until spring"));
        Task rejected = put(task, etag(task), 200);
        assertThat(rejected.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("no-capacity");

        Procedure other = new Procedure();
        other.setStatus(Procedure.ProcedureStatus.COMPLETED);
        other.addBasedOn(new Reference("ServiceRequest/" + activity));
        other.setCode(new CodeableConcept().setText("Walk"));
        given().header("Authorization", TestTokens.bearer("p.other", "provider", "org-other-provider")).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(other)).post("/fhir/Procedure").then().statusCode(422)
                .body("issue[0].expression[0]", equalTo("Procedure.basedOn"));
        assertThat(List.of(get(TestTokens.bearer("p.other", "provider", "org-other-provider"), "/fhir/Task/" + activity).statusCode()))
                .containsExactly(404);
    }
}
