package org.linkwork.referral.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.referral.Referrals;

/**
 * Every endpoint × every kind of caller: the status each must get. The referral belongs to the
 * demo practice and its team; "other" callers belong elsewhere. Bodies are valid where the
 * resource exists, so 404 means "not yours" and 200/201/409 mean security let the caller through;
 * 401, 403 and 404 are the refusals. Rows run in order, so the referral's status moves as listed.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RoleMatrixTest {

    record Caller(String name, String token) {
    }

    static final String NONE = null;

    static List<Caller> callers() {
        return List.of(
                new Caller("anonymous", NONE),
                new Caller("referrer", Referrals.gp()),
                new Caller("other-referrer", TestTokens.bearer("gp.other", "referrer", Referrals.OTHER_PRACTICE)),
                new Caller("link-worker", Referrals.linkWorker()),
                // another PCN's link worker, in no team that serves the referral
                new Caller("other-link-worker", TestTokens.bearer("lw.other", "link-worker", "U90002")),
                new Caller("provider", TestTokens.bearer("provider.demo", "provider", "org-leeds-walking")),
                new Caller("analyst", TestTokens.bearer("analyst.demo", "analyst", "linkwork-analytics")),
                new Caller("admin", Referrals.admin()));
    }

    record Endpoint(String method, String path, String body, Map<String, Integer> expected) {
    }

    /** Expected status per caller, in the order of {@link #callers()}. */
    static Map<String, Integer> expect(int anonymous, int referrer, int otherReferrer, int linkWorker, int otherLinkWorker, int provider,
            int analyst, int admin) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("anonymous", anonymous);
        m.put("referrer", referrer);
        m.put("other-referrer", otherReferrer);
        m.put("link-worker", linkWorker);
        m.put("other-link-worker", otherLinkWorker);
        m.put("provider", provider);
        m.put("analyst", analyst);
        m.put("admin", admin);
        return m;
    }

    @Test
    void eachEndpointAnswersEachRoleAsDesigned() {
        String id = Referrals.create();
        String personRef = given().header("Authorization", Referrals.gp()).get("/referrals/" + id).then().extract().path("personRef");
        String bad = "{}"; // a body that passes security and fails validation: 400 proves the caller got through
        // a matched referral with an activity referral to the provider's organisation
        String matched = Referrals.create();
        String activity = Referrals.sendActivity(matched, Referrals.match(matched), true);
        String matchedPerson = given().header("Authorization", Referrals.gp()).get("/referrals/" + matched).then().extract().path("personRef");
        String session = "{\"sessionAt\":\"2026-01-06T10:00:00Z\",\"attended\":true}";
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/referrals", bad, expect(401, 400, 400, 403, 403, 403, 403, 403)),
                new Endpoint("GET", "/referrals/" + id, null, expect(401, 200, 404, 200, 404, 403, 403, 200)),
                new Endpoint("POST", "/referrals/" + id + "/status", "{\"status\":\"accepted\"}", expect(401, 409, 404, 200, 404, 403, 403, 409)),
                new Endpoint("GET", "/referrals/" + id + "/status", null, expect(401, 200, 404, 200, 404, 403, 403, 200)),
                new Endpoint("POST", "/referrals/" + id + "/assessment", Referrals.ASSESSMENT, expect(401, 403, 403, 409, 404, 403, 403, 403)),
                new Endpoint("GET", "/referrals/" + id + "/assessment", null, expect(401, 403, 403, 200, 404, 403, 403, 200)),
                new Endpoint("POST", "/referrals/" + id + "/assignment", "{\"linkWorker\":\"lw.demo\"}", expect(401, 403, 403, 200, 404, 403, 403, 200)),
                // to the team it is already with: 400 means the caller got through
                new Endpoint("POST", "/referrals/" + id + "/team", "{\"teamId\":\"" + Referrals.TEAM + "\",\"reasonCode\":\"wrong-practice\"}",
                        expect(401, 403, 403, 400, 404, 403, 403, 400)),
                new Endpoint("POST", "/referrals/" + id + "/notes", "{\"text\":\"Called, no answer\"}", expect(401, 201, 404, 201, 404, 403, 403, 201)),
                new Endpoint("GET", "/referrals/" + id + "/notes", null, expect(401, 200, 404, 200, 404, 403, 403, 200)),
                new Endpoint("GET", "/referrals/" + id + "/timeline", null, expect(401, 200, 404, 200, 404, 403, 403, 200)),
                new Endpoint("PUT", "/referrals/" + id + "/contact", "{\"preferredChannel\":\"none\",\"language\":\"en\",\"optedOut\":false}",
                        expect(401, 403, 403, 200, 404, 403, 403, 200)),
                new Endpoint("GET", "/caseload", null, expect(401, 200, 200, 200, 200, 403, 403, 200)),
                new Endpoint("GET", "/teams/" + Referrals.TEAM, null, expect(401, 403, 403, 200, 404, 403, 403, 200)),
                new Endpoint("PUT", "/teams/" + Referrals.TEAM, bad, expect(401, 403, 403, 403, 403, 403, 403, 400)),
                new Endpoint("GET", "/audit", null, expect(401, 403, 403, 403, 403, 403, 403, 200)),
                new Endpoint("GET", "/people/" + personRef + "/export", null, expect(401, 403, 403, 403, 403, 403, 403, 200)),
                new Endpoint("POST", "/self-referrals", bad, expect(400, 400, 400, 400, 400, 400, 400, 400)),
                new Endpoint("POST", "/fhir/ServiceRequest", "{\"resourceType\":\"ServiceRequest\"}", expect(401, 422, 422, 403, 403, 403, 403, 403)),
                new Endpoint("GET", "/fhir/ServiceRequest/" + id, null, expect(401, 200, 404, 200, 404, 404, 403, 200)),
                // the closed loop
                new Endpoint("POST", "/referrals/" + matched + "/activity-referrals", "{\"serviceId\":\"not-proposed\"}",
                        expect(401, 403, 403, 400, 404, 403, 403, 400)),
                new Endpoint("GET", "/referrals/" + matched + "/activity-referrals", null, expect(401, 200, 404, 200, 404, 403, 403, 200)),
                new Endpoint("GET", "/activity-referrals", null, expect(401, 403, 403, 403, 403, 200, 403, 200)),
                new Endpoint("GET", "/activity-referrals/" + activity, null, expect(401, 200, 404, 200, 404, 200, 403, 200)),
                // completing a requested activity referral is nobody's move: 409 means the caller got through
                new Endpoint("POST", "/activity-referrals/" + activity + "/status", "{\"status\":\"completed\"}",
                        expect(401, 403, 403, 409, 404, 409, 403, 409)),
                new Endpoint("POST", "/activity-referrals/" + activity + "/attendance", session, expect(401, 403, 403, 403, 403, 409, 403, 403)),
                new Endpoint("GET", "/referrals/" + matched + "/summary", null, expect(401, 200, 404, 200, 404, 403, 403, 200)),
                new Endpoint("POST", "/fhir/Task", "{\"resourceType\":\"Task\"}", expect(401, 422, 422, 403, 403, 403, 403, 403)),
                new Endpoint("GET", "/fhir/Task/" + activity, null, expect(401, 200, 404, 200, 404, 200, 403, 200)),
                new Endpoint("GET", "/fhir/Task?owner=Organization/" + Referrals.PROVIDER_ORG, null, expect(401, 200, 200, 403, 403, 200, 403, 200)),
                // without If-Match: 428 means the caller got through
                new Endpoint("PUT", "/fhir/Task/" + activity, "{\"resourceType\":\"Task\",\"status\":\"completed\",\"intent\":\"order\"}",
                        expect(401, 428, 404, 428, 404, 428, 403, 428)),
                new Endpoint("GET", "/fhir/ServiceRequest/" + activity, null, expect(401, 200, 404, 200, 404, 200, 403, 200)),
                new Endpoint("GET", "/fhir/Patient/" + matchedPerson, null, expect(401, 403, 403, 403, 403, 200, 403, 403)),
                new Endpoint("GET", "/fhir/Consent/" + matched, null, expect(401, 200, 404, 200, 404, 200, 403, 200)),
                new Endpoint("POST", "/fhir/Procedure", "{\"resourceType\":\"Procedure\"}", expect(401, 403, 403, 403, 403, 422, 403, 403)),
                new Endpoint("GET", "/fhir/Procedure/" + java.util.UUID.randomUUID(), null, expect(401, 404, 404, 404, 404, 404, 403, 404)),
                // last: these change the referral for good
                new Endpoint("POST", "/referrals/" + id + "/consent-withdrawal", null, expect(401, 200, 404, 409, 404, 403, 403, 409)),
                new Endpoint("POST", "/people/" + personRef + "/erasure", null, expect(401, 403, 403, 403, 403, 403, 403, 200)));

        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (Caller c : callers()) {
                RequestSpecification request = given().header("X-Forwarded-For", "192.0.2." + (wrong.size() % 200 + 1));
                if (c.token() != null) {
                    request.header("Authorization", c.token());
                }
                if (e.body() != null) {
                    request.contentType(e.path().startsWith("/fhir") ? "application/fhir+json" : "application/json").body(e.body());
                }
                int status = request.request(e.method(), e.path()).then().extract().statusCode();
                int expected = e.expected().get(c.name());
                if (status != expected) {
                    wrong.add(e.method() + " " + e.path().replace(id, "{id}").replace(personRef, "{personRef}").replace(activity, "{activity}")
                            .replace(matched, "{matched}") + " as " + c.name()
                            + ": " + status + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
