package org.linkwork.notification;

import static io.restassured.RestAssured.given;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkwork.notification.inbox.InboxDelivery;
import org.linkwork.notification.inbox.Notification;
import org.linkwork.notification.rules.Notice;
import org.linkwork.notification.rules.Recipient;
import org.linkwork.notification.rules.Rule;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;

/**
 * Every endpoint against every role, in the caller's own organisation and in another: who may,
 * who is refused (403), and whose data does not exist for them (404). Streams are checked for the
 * refusals only; an admitted stream stays open (see InboxStreamTest). And the role-addressed inbox:
 * a notice for an organisation's referrers (or providers) is for callers of that organisation and that role.
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

    // --- the role-addressed inbox: an organisation's notice is for one role within it ---

    private static final String INBOX_ORG = "T-MATRIX-INBOX";
    private static final String FOR_REFERRERS_EVENT = "matrix-inbox-referrers";
    private static final String FOR_PROVIDERS_EVENT = "matrix-inbox-providers";

    @Inject
    InboxDelivery inboxDelivery;

    /** One notice to "referrers of T-MATRIX-INBOX" and one to "providers of T-MATRIX-INBOX" (placed once, however often this runs). */
    private UUID organisationNotice(String role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            inboxDelivery.deliver(FOR_REFERRERS_EVENT, List.of(new Notice(Rule.REFERRAL_UPDATED, Recipient.referrersOf(INBOX_ORG),
                    UUID.nameUUIDFromBytes(FOR_REFERRERS_EVENT.getBytes()), "The link worker accepted referral 00000000", "...")));
            inboxDelivery.deliver(FOR_PROVIDERS_EVENT, List.of(new Notice(Rule.ACTIVITY_REFERRAL_REQUESTED, Recipient.providersOf(INBOX_ORG),
                    UUID.nameUUIDFromBytes(FOR_PROVIDERS_EVENT.getBytes()), "A link worker asked for a place on your activity", "...")));
            return Notification.<Notification>find("sourceEventId", role.equals("referrer") ? FOR_REFERRERS_EVENT : FOR_PROVIDERS_EVENT)
                    .firstResult().id;
        });
    }

    /**
     * A caller of a role, in the notice's organisation or another (admins: also with none), and what
     * they get: the inbox lists it or not (analysts: 403), marking it read is 204, 404 or 403.
     */
    record InboxCase(String addressedTo, String role, String callerOrganisation, boolean listed, int markRead) {
        @Override
        public String toString() {
            return "notice for " + addressedTo + "s of " + INBOX_ORG + ", read by " + role + " of "
                    + (callerOrganisation == null ? "no organisation" : callerOrganisation) + " → "
                    + (markRead == 403 ? "403" : listed ? "listed, read 204" : "not listed, read 404");
        }
    }

    static Stream<InboxCase> inboxCases() {
        List<InboxCase> cases = new ArrayList<>();
        for (String addressedTo : List.of("referrer", "provider")) {
            for (String role : ROLES) {
                for (String organisation : java.util.Arrays.asList(INBOX_ORG, OTHER, null)) {
                    if (organisation == null && !role.equals("admin")) {
                        continue;
                    }
                    boolean listed = role.equals(addressedTo) && INBOX_ORG.equals(organisation);
                    cases.add(new InboxCase(addressedTo, role, organisation, listed,
                            role.equals("analyst") ? 403 : listed ? 204 : 404));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("inboxCases")
    void anOrganisationsNoticeIsForItsRoleWithinItOnly(InboxCase c) {
        String notice = organisationNotice(c.addressedTo()).toString();
        String bearer = TestTokens.bearer(c.role() + ".matrix-inbox", c.role(), c.callerOrganisation());
        if (c.markRead() == 403) {
            given().header("Authorization", bearer).get("/notifications").then().statusCode(403);
        } else {
            assertThat(Inboxes.inbox(bearer).getList("items.id", String.class).contains(notice)).isEqualTo(c.listed());
        }
        given().header("Authorization", bearer).post("/notifications/" + notice + "/read").then().statusCode(c.markRead());
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
