package org.linkwork.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;

/**
 * Every endpoint against every role: the status each gets. 401 without a token; 403 for a role the
 * endpoint does not serve; for the roles it serves, the answer to a harmless request.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RoleMatrixTest {

    private static final List<String> ROLES = List.of("none", "referrer", "link-worker", "provider", "analyst", "admin");

    private record Endpoint(String method, String path, Map<String, Integer> expected) {
    }

    private static Map<String, Integer> statuses(int none, int referrer, int linkWorker, int provider, int analyst, int admin) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("none", none);
        m.put("referrer", referrer);
        m.put("link-worker", linkWorker);
        m.put("provider", provider);
        m.put("analyst", analyst);
        m.put("admin", admin);
        return m;
    }

    private static final String UNKNOWN_REFERRAL = UUID.randomUUID().toString();

    private static final List<Endpoint> ENDPOINTS = List.of(
            // a link worker reads the KPIs of their teams (here none: zeros); TeamMatrixTest has teams
            new Endpoint("GET", "/kpis", statuses(401, 200, 200, 200, 200, 200)),
            new Endpoint("GET", "/kpis/export?format=csv", statuses(401, 200, 200, 200, 200, 200)),
            new Endpoint("GET", "/kpis/export?format=json", statuses(401, 200, 200, 200, 200, 200)),
            // the admin's rebuild is exercised by RebuildTest; here only who may not
            new Endpoint("POST", "/kpis/rebuild", statuses(401, 403, 403, 403, 403, -1)),
            new Endpoint("GET", "/evaluation/extract", statuses(401, 403, 403, 403, 200, 403)),
            // a link worker gets past the role check to the body's validation
            new Endpoint("POST", "/measures", statuses(401, 403, 400, 403, 403, 403)),
            // a link worker and an admin get past the role check to "no such referral"
            new Endpoint("GET", "/referrals/" + UNKNOWN_REFERRAL + "/wellbeing", statuses(401, 403, 404, 403, 403, 404)),
            new Endpoint("GET", "/dashboard-config", statuses(200, 200, 200, 200, 200, 200)),
            new Endpoint("GET", "/dashboard/index.html", statuses(200, 200, 200, 200, 200, 200)));

    private static String token(String role) {
        return switch (role) {
            case "referrer" -> TestTokens.bearer("gp.test", role, "Y90001");
            // a link worker's org_id is their employer; their access comes from team membership
            case "link-worker" -> TestTokens.bearer("lw.matrix", role, "U90001");
            case "provider" -> TestTokens.bearer("provider.test", role, "org-leeds-walking");
            case "analyst" -> TestTokens.bearer("analyst.test", role, null);
            case "admin" -> TestTokens.bearer("admin.test", role, null);
            default -> null;
        };
    }

    @Test
    void everyEndpointAnswersEveryRoleAsDesigned() {
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Endpoint e : ENDPOINTS) {
            for (String role : ROLES) {
                int want = e.expected().get(role);
                if (want < 0) {
                    continue;
                }
                RequestSpecification request = given().urlEncodingEnabled(false);
                if (token(role) != null) {
                    request = request.header("Authorization", token(role));
                }
                if (e.method().equals("POST")) {
                    request = request.contentType(ContentType.JSON).body("{}");
                }
                int status = request.request(e.method(), e.path()).then().extract().statusCode();
                actual.put(e.method() + " " + e.path() + " as " + role, status);
                expected.put(e.method() + " " + e.path() + " as " + role, want);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }
}
