package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.referral.Referrals;

/**
 * A referring GP system in the guide's coordination-platform role: it keeps the ServiceRequest, its
 * Patient and Consent on its own FHIR server (a test double), posts a Task pointing at them, and
 * polls the Task until it is completed.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class FhirTaskTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String EHR = PartnerTokens.bearer("ehr-test", "referrer", Referrals.PRACTICE);

    /** Puts a referral on the EHR: ServiceRequest, Patient and Consent, referenced relatively as a server would; returns the SR's URL. */
    static String referralOnEhr(ReferringEhr ehr, String key) {
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem(FhirCodes.NHS_NUMBER).setValue(Referrals.nhsNumber()));
        patient.addName().setFamily("Example").addGiven("Ann");
        patient.setBirthDate(Date.from(LocalDate.of(1950, 3, 2).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
        patient.addAddress().setPostalCode("LS6 2AA");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("07700 900123");
        ehr.put("Patient", "pat-" + key, patient);

        Consent consent = new Consent();
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setPatient(new Reference("Patient/pat-" + key));
        consent.setDateTime(new Date(System.currentTimeMillis() - 60_000));
        ehr.put("Consent", "con-" + key, consent);

        ServiceRequest sr = new ServiceRequest();
        sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.SNOMED, "871731000000106", null)));
        sr.setSubject(new Reference("Patient/pat-" + key));
        sr.setRequester(new Reference("PractitionerRole/gp-1"));
        sr.addReasonCode(new CodeableConcept().addCoding(new Coding(FhirCodes.NEED, "loneliness", null)).setText("Lives alone"));
        sr.addSupportingInfo(new Reference("Consent/con-" + key));
        return ehr.put("ServiceRequest", "sr-" + key, sr);
    }

    static String task(String focus) {
        Task task = new Task();
        task.getMeta().addProfile(FhirCodes.TASK_PROFILE);
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.TASK_CODE, "fulfill", null)));
        task.setFocus(new Reference(focus));
        task.setFor(new Reference("Patient/pat-1"));
        task.setRequester(new Reference("PractitionerRole/gp-1"));
        task.setOwner(new Reference().setDisplay("Linkwork")); // the guide allows an owner the sender cannot resolve
        return FHIR.newJsonParser().encodeResourceToString(task);
    }

    static ExtractableResponse<Response> post(String token, String body) {
        return given().header("Authorization", token).contentType("application/fhir+json").body(body).post("/fhir/Task").then()
                .extract();
    }

    static Task read(String token, String id) {
        return FHIR.newJsonParser().parseResource(Task.class, given().header("Authorization", token).get("/fhir/Task/" + id).then()
                .statusCode(200).contentType("application/fhir+json").extract().asString());
    }

    static String referralOf(Task task) {
        return task.getIdentifier().stream().filter(i -> FhirCodes.REFERRAL_ID.equals(i.getSystem())).map(Identifier::getValue)
                .findFirst().orElse(null);
    }

    /** Waits until Linkwork has fetched the referral and received it. */
    static String awaitReferral(String taskId) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> referralOf(read(EHR, taskId)), r -> r != null);
    }

    @Test
    void aReferringSystemPostsATaskAndReadsTheOutcomeBackWhenTheActivityIsCompleted() {
        Referrals.ensureTeam();
        ReferringEhr ehr = ReferringEhr.configured();
        String key = UUID.randomUUID().toString().substring(0, 8);
        String focus = referralOnEhr(ehr, key);

        ExtractableResponse<Response> created = post(EHR, task(focus));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/fhir+json");
        Task answered = FHIR.newJsonParser().parseResource(Task.class, created.asString());
        assertThat(answered.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(answered.getFocus().getReference()).isEqualTo(focus);
        String taskId = answered.getIdElement().getIdPart();
        assertThat(created.header("Location")).endsWith("/fhir/Task/" + taskId);

        String referralId = awaitReferral(taskId);
        assertThat(ehr.requests).contains("GET ServiceRequest/sr-" + key, "GET Patient/pat-" + key, "GET Consent/con-" + key);
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + referralId).then().statusCode(200)
                .body("source", equalTo("fhir")).body("referrerOrganization", equalTo(Referrals.PRACTICE))
                .body("person.familyName", equalTo("Example"));

        // the link worker works the referral; the Task follows in the guide's statuses
        String service = Referrals.match(referralId);
        assertThat(read(EHR, taskId).getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        String activity = Referrals.sendActivity(referralId, service, false);
        for (String status : List.of("accepted", "in-progress")) {
            assertThat(Referrals.moveActivity(Referrals.provider(), activity, "{\"status\":\"" + status + "\"}")).isEqualTo(200);
        }
        assertThat(read(EHR, taskId).getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
        assertThat(Referrals.moveActivity(Referrals.provider(), activity, "{\"status\":\"completed\"}")).isEqualTo(200);

        // the EHR polls until completed, then reads what was done
        Task done = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> read(EHR, taskId),
                t -> t.getStatus() == Task.TaskStatus.COMPLETED);
        assertThat(done.getOutput()).hasSize(1);
        assertThat(done.getOutputFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("resulting-activity");
        String procedureRef = ((Reference) done.getOutputFirstRep().getValue()).getReference();
        assertThat(procedureRef).startsWith("Procedure/");
        Procedure procedure = FHIR.newJsonParser().parseResource(Procedure.class, given().header("Authorization", EHR)
                .get("/fhir/" + procedureRef).then().statusCode(200).extract().asString());
        assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
        assertThat(procedure.getCode().getText()).isEqualTo("Tuesday walk and talk");
        given().header("Authorization", EHR).get("/referrals/" + referralId + "/summary").then().statusCode(200)
                .body("outcome", equalTo("completed")).body("activities[0].takenUp", equalTo(true));
    }

    @Test
    void aFocusOutsideTheCallersConfiguredBaseIsRefusedAndNothingIsFetched() throws Exception {
        try (ReferringEhr elsewhere = ReferringEhr.unconfigured()) {
            String focus = referralOnEhr(elsewhere, "x");
            for (String url : List.of(focus, // another server
                    "http://127.0.0.1:" + ReferringEhr.CONFIGURED_PORT + "/admin/ServiceRequest/sr-x", // same host, outside the base
                    "http://127.0.0.1:" + ReferringEhr.CONFIGURED_PORT + "/fhir/../admin/ServiceRequest/sr-x",
                    "http://user@127.0.0.1:" + ReferringEhr.CONFIGURED_PORT + "/fhir/ServiceRequest/sr-x",
                    "http://127.0.0.1:" + ReferringEhr.CONFIGURED_PORT + "/fhir/Patient/pat-x", // not a ServiceRequest
                    "ServiceRequest/sr-x")) { // not absolute
                ExtractableResponse<Response> refused = post(EHR, task(url));
                assertThat(refused.statusCode()).as(url).isEqualTo(422);
                OperationOutcome outcome = FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.asString());
                assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Task.focus");
            }
            // a client with no base configured at all
            assertThat(post(PartnerTokens.bearer("ehr-unknown", "referrer", Referrals.PRACTICE), task(focus)).statusCode())
                    .isEqualTo(422);

            // a ServiceRequest on the partner's server whose Patient lives elsewhere: rejected, the other server never asked
            ReferringEhr ehr = ReferringEhr.configured();
            String key = UUID.randomUUID().toString().substring(0, 8);
            String ok = referralOnEhr(ehr, key);
            ServiceRequest sr = FHIR.newJsonParser().parseResource(ServiceRequest.class,
                    given().get(ok).then().statusCode(200).extract().asString());
            sr.setSubject(new Reference(elsewhere.base() + "/Patient/pat-x"));
            String pointing = ehr.put("ServiceRequest", "sr-elsewhere-" + key, sr);
            String taskId = post(EHR, task(pointing)).path("id");
            Task rejected = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> read(EHR, taskId),
                    t -> t.getStatus() != Task.TaskStatus.REQUESTED);
            assertThat(rejected.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
            assertThat(rejected.getStatusReason().getCodingFirstRep().getCode()).isEqualTo("reference-outside-base");
            assertThat(elsewhere.requests).isEmpty();
        }
    }

    @Test
    void whatCannotBeFetchedOrTakenInEndsOnTheTaskWithItsReason() {
        ReferringEhr ehr = ReferringEhr.configured();
        String missing = ehr.base() + "/ServiceRequest/sr-missing-" + UUID.randomUUID().toString().substring(0, 8);
        String failedId = post(EHR, task(missing)).path("id");

        String key = UUID.randomUUID().toString().substring(0, 8);
        String focus = referralOnEhr(ehr, key);
        ServiceRequest sr = FHIR.newJsonParser().parseResource(ServiceRequest.class,
                given().get(focus).then().statusCode(200).extract().asString());
        sr.getReasonCode().clear();
        String invalid = ehr.put("ServiceRequest", "sr-noneeds-" + key, sr);
        String rejectedId = post(EHR, task(invalid)).path("id");

        Task failed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> read(EHR, failedId),
                t -> t.getStatus() != Task.TaskStatus.REQUESTED);
        assertThat(failed.getStatus()).isEqualTo(Task.TaskStatus.FAILED);
        assertThat(failed.getStatusReason().getText()).contains("HTTP 404");
        Task rejected = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> read(EHR, rejectedId),
                t -> t.getStatus() != Task.TaskStatus.REQUESTED);
        assertThat(rejected.getStatus()).isEqualTo(Task.TaskStatus.REJECTED);
        assertThat(rejected.getStatusReason().getText()).contains("ServiceRequest.reasonCode");
        assertThat(referralOf(rejected)).isNull();
    }

    @Test
    void theRequesterCancelsWithIfMatchAndAStaleVersionIsRefused() {
        Referrals.ensureTeam();
        ReferringEhr ehr = ReferringEhr.configured();
        String taskId = post(EHR, task(referralOnEhr(ehr, UUID.randomUUID().toString().substring(0, 8)))).path("id");
        String referralId = awaitReferral(taskId);
        ExtractableResponse<Response> current = given().header("Authorization", EHR).get("/fhir/Task/" + taskId).then().extract();
        String etag = current.header("ETag");
        Task task = FHIR.newJsonParser().parseResource(Task.class, current.asString());
        assertThat(etag).isEqualTo("W/\"" + task.getMeta().getVersionId() + "\"");

        task.setStatus(Task.TaskStatus.CANCELLED);
        task.setStatusReason(new CodeableConcept().addCoding(new Coding(FhirCodes.STATUS_REASON, "patient-moved", null)));
        String body = FHIR.newJsonParser().encodeResourceToString(task);
        given().header("Authorization", EHR).contentType("application/fhir+json").body(body).put("/fhir/Task/" + taskId)
                .then().statusCode(428);
        given().header("Authorization", EHR).header("If-Match", "W/\"" + (Long.parseLong(task.getMeta().getVersionId()) - 1) + "\"")
                .contentType("application/fhir+json").body(body).put("/fhir/Task/" + taskId).then().statusCode(412)
                .contentType("application/fhir+json");
        // another partner cannot touch it; the requester cannot accept it
        given().header("Authorization", PartnerTokens.bearer("ehr-other", "referrer", Referrals.PRACTICE)).header("If-Match", etag)
                .contentType("application/fhir+json").body(body).put("/fhir/Task/" + taskId).then().statusCode(404);
        given().header("Authorization", PartnerTokens.bearer("ehr-other", "referrer", Referrals.PRACTICE))
                .get("/fhir/Task/" + taskId).then().statusCode(404);
        task.setStatus(Task.TaskStatus.ACCEPTED);
        given().header("Authorization", EHR).header("If-Match", etag).contentType("application/fhir+json")
                .body(FHIR.newJsonParser().encodeResourceToString(task)).put("/fhir/Task/" + taskId).then().statusCode(409)
                .body("issue[0].code", equalTo("business-rule"));

        String cancelled = given().header("Authorization", EHR).header("If-Match", etag).contentType("application/fhir+json").body(body)
                .put("/fhir/Task/" + taskId).then().statusCode(200).extract().asString();
        Task after = FHIR.newJsonParser().parseResource(Task.class, cancelled);
        assertThat(after.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(Long.parseLong(after.getMeta().getVersionId())).isGreaterThan(Long.parseLong(task.getMeta().getVersionId()));
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + referralId).then()
                .body("status", equalTo("withdrawn"));
        // the old ETag is stale now
        given().header("Authorization", EHR).header("If-Match", etag).contentType("application/fhir+json").body(body)
                .put("/fhir/Task/" + taskId).then().statusCode(412);
    }
}
