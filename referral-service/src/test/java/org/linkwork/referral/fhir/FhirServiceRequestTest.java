package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.referral.Referrals;

/** The FHIR door, end to end through HAPI's own R4 parser on both sides. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class FhirServiceRequestTest {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String PARTNER = TestTokens.bearer("service-account-partner-ehr-demo", "referrer", Referrals.PRACTICE);

    /** A Gravity/PRSB-shaped referral as a GP system would build it. */
    static ServiceRequest referral(String nhsNumber) {
        Patient patient = new Patient();
        patient.setId("patient");
        patient.addIdentifier(new Identifier().setSystem(FhirCodes.NHS_NUMBER).setValue(nhsNumber));
        patient.addName().setFamily("Example").addGiven("Ann");
        patient.setBirthDate(Date.from(LocalDate.of(1950, 3, 2).atStartOfDay(ZoneId.of("Europe/London")).toInstant()));
        patient.setGender(Enumerations.AdministrativeGender.FEMALE);
        patient.addAddress().setPostalCode("LS6 2AA");
        patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("07700 900123");
        patient.addExtension(FhirCodes.ETHNIC_CATEGORY_EXTENSION,
                new CodeableConcept().addCoding(new Coding("https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategory", "A", "British")));

        Organization practice = new Organization();
        practice.setId("practice");
        practice.addIdentifier().setSystem(FhirCodes.ODS_ORGANISATION).setValue(Referrals.PRACTICE);
        PractitionerRole gp = new PractitionerRole();
        gp.setId("gp");
        gp.setOrganization(new Reference("#practice"));

        Consent consent = new Consent();
        consent.setId("consent");
        consent.setStatus(Consent.ConsentState.ACTIVE);
        consent.setPatient(new Reference("#patient"));
        consent.setDateTime(new Date(System.currentTimeMillis() - 60_000));

        ServiceRequest sr = new ServiceRequest();
        sr.addContained(patient).addContained(practice).addContained(gp).addContained(consent);
        sr.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        sr.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        sr.setPriority(ServiceRequest.ServiceRequestPriority.ROUTINE);
        sr.setCode(new CodeableConcept().addCoding(new Coding(FhirCodes.SNOMED, "871731000000106", "Referral to social prescribing service")));
        sr.setSubject(new Reference("#patient"));
        sr.setRequester(new Reference("#gp"));
        sr.addReasonCode(new CodeableConcept().addCoding(new Coding(FhirCodes.NEED, "loneliness", null))
                .addCoding(new Coding(FhirCodes.NEED, "bereavement", null)).setText("Widowed in the spring, rarely leaves the house"));
        sr.addSupportingInfo(new Reference("#consent"));
        return sr;
    }

    static IParser parser() {
        return FHIR.newJsonParser();
    }

    static ExtractableResponse<Response> post(ServiceRequest sr) {
        Referrals.ensureTeam();
        return given().header("Authorization", PARTNER).contentType("application/fhir+json").body(parser().encodeResourceToString(sr))
                .post("/fhir/ServiceRequest").then().extract();
    }

    static OperationOutcome outcome(ExtractableResponse<Response> response) {
        assertThat(response.contentType()).startsWith("application/fhir+json");
        return parser().parseResource(OperationOutcome.class, response.asString());
    }

    static List<String> expressions(OperationOutcome outcome) {
        return outcome.getIssue().stream().flatMap(i -> i.getExpression().stream()).map(StringType::getValue).toList();
    }

    @Test
    void aServiceRequestIsStoredAndReadBackThroughHapisParser() {
        String nhs = Referrals.nhsNumber();
        ExtractableResponse<Response> created = post(referral(nhs));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/fhir+json");
        ServiceRequest stored = parser().parseResource(ServiceRequest.class, created.asString());
        String id = stored.getIdElement().getIdPart();
        assertThat(created.header("Location")).endsWith("/fhir/ServiceRequest/" + id);
        assertThat(stored.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(stored.getCode().getCodingFirstRep().getCode()).isEqualTo("871731000000106");
        assertThat(stored.getReasonCodeFirstRep().getCoding()).extracting(Coding::getCode).containsExactly("loneliness", "bereavement");
        assertThat(stored.getReasonCodeFirstRep().getText()).isEqualTo("Widowed in the spring, rarely leaves the house");
        Patient patient = (Patient) stored.getSubject().getResource();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo(nhs);
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Example");
        Consent consent = (Consent) stored.getSupportingInfoFirstRep().getResource();
        assertThat(consent.getStatus()).isEqualTo(Consent.ConsentState.ACTIVE);
        assertThat(((Organization) stored.getRequester().getResource()).getIdentifierFirstRep().getValue()).isEqualTo(Referrals.PRACTICE);

        String read = given().header("Authorization", Referrals.linkWorker()).get("/fhir/ServiceRequest/" + id)
                .then().statusCode(200).contentType("application/fhir+json").extract().asString();
        ServiceRequest again = parser().parseResource(ServiceRequest.class, read);
        assertThat(again.equalsDeep(stored)).as("the same resource read back").isTrue();
        // the JSON view of the same referral agrees
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id).then().statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("fhir")).body("person.sex", org.hamcrest.Matchers.equalTo("female"))
                .body("person.ethnicityGroup", org.hamcrest.Matchers.equalTo("white"));
    }

    @Test
    void problemsAreAnOperationOutcomeNamingEachElement() {
        ServiceRequest sr = referral("9434765918"); // wrong check digit
        ((Patient) sr.getContained().get(0)).getAddressFirstRep().setPostalCode("NOT A POSTCODE");
        sr.getReasonCodeFirstRep().addCoding(new Coding(FhirCodes.NEED, "space-travel", null));
        sr.getSupportingInfo().clear();
        ExtractableResponse<Response> response = post(sr);
        assertThat(response.statusCode()).isEqualTo(422);
        OperationOutcome outcome = outcome(response);
        assertThat(expressions(outcome)).contains(
                "ServiceRequest.contained.where(id='patient').identifier.value",
                "ServiceRequest.contained.where(id='patient').address.postalCode",
                "ServiceRequest.reasonCode[0].coding[2].code",
                "ServiceRequest.supportingInfo");
        assertThat(outcome.getIssue()).allMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
    }

    @Test
    void somethingThatIsNotAServiceRequestIs400() {
        ExtractableResponse<Response> response = given().header("Authorization", PARTNER).contentType("application/fhir+json")
                .body("{\"resourceType\":\"Patient\",\"id\":\"x\"}").post("/fhir/ServiceRequest").then().extract();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(outcome(response).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.STRUCTURE);
        ExtractableResponse<Response> garbage = given().header("Authorization", PARTNER).contentType("application/fhir+json")
                .body("{not json").post("/fhir/ServiceRequest").then().extract();
        assertThat(garbage.statusCode()).isEqualTo(400);
    }

    @Test
    void aSecondOpenReferralIsADuplicateOutcomeNamingTheFirst() {
        String nhs = Referrals.nhsNumber();
        String first = parser().parseResource(ServiceRequest.class, post(referral(nhs)).asString()).getIdElement().getIdPart();
        ExtractableResponse<Response> again = post(referral(nhs));
        assertThat(again.statusCode()).isEqualTo(409);
        OperationOutcome outcome = outcome(again);
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
        assertThat(expressions(outcome)).contains("ServiceRequest/" + first);
        ServiceRequest override = referral(nhs);
        override.addExtension(FhirCodes.DUPLICATE_OVERRIDE_EXTENSION, new StringType("A new need since the first referral"));
        assertThat(post(override).statusCode()).isEqualTo(201);
    }

    @Test
    void aPracticeCannotReferInAnothersName() {
        ServiceRequest sr = referral(Referrals.nhsNumber());
        ((Organization) sr.getContained().get(1)).getIdentifierFirstRep().setValue(Referrals.OTHER_PRACTICE);
        ExtractableResponse<Response> response = post(sr);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(expressions(outcome(response))).contains("ServiceRequest.requester");
    }

    @Test
    void readsFollowTheCareTeamRules() {
        String id = parser().parseResource(ServiceRequest.class, post(referral(Referrals.nhsNumber())).asString()).getIdElement().getIdPart();
        var other = given().header("Authorization", TestTokens.bearer("gp.other", "referrer", Referrals.OTHER_PRACTICE))
                .get("/fhir/ServiceRequest/" + id).then().statusCode(404).extract();
        assertThat(outcome(other).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        // providers read the requests behind their own activity Tasks, never a referral itself
        given().header("Authorization", TestTokens.bearer("provider.demo", "provider", "org-1")).get("/fhir/ServiceRequest/" + id)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("lw.demo", "link-worker", Referrals.PCN)).contentType("application/fhir+json")
                .body(parser().encodeResourceToString(referral(Referrals.nhsNumber()))).post("/fhir/ServiceRequest").then().statusCode(403);
        given().header("Authorization", Referrals.gp()).get("/fhir/ServiceRequest/not-a-uuid").then().statusCode(404);
    }
}
