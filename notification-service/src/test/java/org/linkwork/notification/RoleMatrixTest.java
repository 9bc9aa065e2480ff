package org.linkwork.notification;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;

/**
 * Every endpoint against every role, in the caller's own organisation and in another: who may,
 * who is refused (403), and whose data does not exist for them (404). Streams are checked for the
 * refusals only; an admitted stream stays open (see InboxStreamTest).
 */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class RoleMatrixTest {

    private static final String ORG = "T-MATRIX";
    private static final String OTHER = "T-OTHER";
    private static final List<String> ROLES = List.of("referrer", "link-worker", "provider", "analyst", "admin");

    /** One endpoint, and the answer each role gets in its own organisation. */
    private record Endpoint(String method, String path, Object body, Map<String, Integer> own, Integer otherOrganisation) {
    }

    private static final String RANDOM = UUID.randomUUID().toString();

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/notifications", null,
                    Map.of("referrer", 200, "link-worker", 200, "provider", 200, "analyst", 403, "admin", 200), null),
            new Endpoint("POST", "/notifications/" + RANDOM + "/read", null,
                    Map.of("referrer", 404, "link-worker", 404, "provider", 404, "analyst", 403, "admin", 404), null),
            new Endpoint("GET", "/organisations/{org}/webhooks", null,
                    Map.of("referrer", 200, "link-worker", 403, "provider", 200, "analyst", 403, "admin", 200), 404),
            new Endpoint("POST", "/organisations/{org}/webhooks",
                    Map.of("url", "https://partner.example/hook", "eventTypes", List.of("referral-updated")),
                    Map.of("referrer", 201, "link-worker", 403, "provider", 201, "analyst", 403, "admin", 201), 404),
            new Endpoint("DELETE", "/organisations/{org}/webhooks/" + RANDOM, null,
                    Map.of("referrer", 404, "link-worker", 403, "provider", 404, "analyst", 403, "admin", 404), 404),
            new Endpoint("GET", "/organisations/{org}/webhook-deliveries", null,
                    Map.of("referrer", 200, "link-worker", 403, "provider", 200, "analyst", 403, "admin", 200), 404),
            new Endpoint("POST", "/organisations/{org}/webhook-deliveries/" + RANDOM + "/retry", null,
                    Map.of("referrer", 404, "link-worker", 403, "provider", 404, "analyst", 403, "admin", 404), 404));

    record Case(Endpoint endpoint, String role, boolean ownOrganisation, int expected) {
        @Override
        public String toString() {
            return endpoint.method() + " " + endpoint.path() + " as " + role + (ownOrganisation ? "" : " of another organisation") + " → " + expected;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            for (String role : ROLES) {
                int own = e.own().get(role);
                cases.add(new Case(e, role, true, own));
                // admins belong to every organisation; refused roles stay refused anywhere
                if (e.otherOrganisation() != null && (own == 200 || own == 201 || own == 404) && !role.equals("admin")) {
                    cases.add(new Case(e, role, false, e.otherOrganisation()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachRoleGetsTheAnswerItShould(Case c) {
        String organisation = c.role().equals("admin") ? null : c.ownOrganisation() ? ORG : OTHER;
        RequestSpecification request = given().header("Authorization", TestTokens.bearer(c.role() + ".matrix", c.role(), organisation));
        send(request, c.endpoint()).then().statusCode(c.expected());
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void withoutATokenEveryEndpointIs401(Endpoint endpoint) {
        send(given(), endpoint).then().statusCode(401).contentType("application/problem+json");
    }

    static Stream<Endpoint> endpoints() {
        return Stream.concat(ENDPOINTS.stream(), Stream.of(new Endpoint("GET", "/notifications/stream", null, Map.of(), null)));
    }

    private static io.restassured.response.Response send(RequestSpecification request, Endpoint e) {
        String path = e.path().replace("{org}", ORG);
        if (e.body() != null) {
            request = request.contentType("application/json").body(e.body());
        }
        return request.request(e.method(), path);
    }
}
