package org.linkwork.notification.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.notification.Inboxes;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class InboxResourceTest {

    private static final List<String> WALK = List.of("accepted", "contacted", "in-activity", "withdrawn", "closed");

    /** A practice of the test's own, one of its referrers, and the referral its notifications are about. */
    private record Practice(String organisation, String referrer, String referral) {

        String titleOf(String status) {
            String ref = "referral " + referral.substring(0, 8);
            return "The link worker " + switch (status) {
                case "accepted" -> "accepted " + ref;
                case "contacted" -> "made first contact with the person on " + ref;
                case "in-activity" -> "recorded that the person on " + ref + " started an activity";
                case "withdrawn" -> "withdrew " + ref;
                default -> "closed " + ref;
            };
        }
    }

    /** A practice with five status notifications in its inbox, "accepted" the oldest. */
    private static Practice practiceWithFiveNotifications() {
        String organisation = Inboxes.uniqueOrganisation();
        String referral = UUID.randomUUID().toString();
        String from = null;
        for (String to : WALK) {
            TopicProbe.publish(Inboxes.statusChange(referral, organisation, null, from, to, "link-worker"));
            from = to;
        }
        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        Inboxes.awaitInbox(referrer, inbox -> inbox.getLong("total") == WALK.size());
        return new Practice(organisation, referrer, referral);
    }

    private static JsonPath page(String bearer, int page, int size) {
        return given().header("Authorization", bearer).queryParam("page", page).queryParam("size", size).get("/notifications")
                .then().statusCode(200).contentType("application/json").extract().jsonPath();
    }

    @Test
    void newestFirstInPagesWithCounts() {
        Practice practice = practiceWithFiveNotifications();
        String referrer = practice.referrer();

        JsonPath first = page(referrer, 0, 2);
        assertThat(first.getList("items.title", String.class)).containsExactly(practice.titleOf("closed"), practice.titleOf("withdrawn"));
        assertThat(first.getInt("page")).isZero();
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(first.getLong("total")).isEqualTo(5);
        assertThat(first.getLong("unread")).isEqualTo(5);
        assertThat(first.getList("items.read", Boolean.class)).containsOnly(false);

        assertThat(page(referrer, 1, 2).getList("items.title", String.class)).containsExactly(practice.titleOf("in-activity"), practice.titleOf("contacted"));
        assertThat(page(referrer, 2, 2).getList("items.title", String.class)).containsExactly(practice.titleOf("accepted"));
        JsonPath beyond = page(referrer, 3, 2);
        assertThat(beyond.getList("items")).isEmpty();
        assertThat(beyond.getLong("total")).isEqualTo(5);
        assertThat(page(referrer, Integer.MAX_VALUE, 100).getList("items")).isEmpty();

        JsonPath defaults = given().header("Authorization", referrer).get("/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(defaults.getInt("page")).isZero();
        assertThat(defaults.getInt("size")).isEqualTo(20);
        assertThat(defaults.getList("items")).hasSize(5);
        assertThat(defaults.getMap("items[0]")).containsOnlyKeys("id", "title", "body", "referralId", "createdAt", "read");
    }

    @Test
    void markingReadMovesANotificationBelowTheUnreadOnes() {
        Practice practice = practiceWithFiveNotifications();
        String referrer = practice.referrer();
        String newest = page(referrer, 0, 1).getString("items[0].id");

        given().header("Authorization", referrer).post("/notifications/" + newest + "/read").then().statusCode(204);
        JsonPath after = page(referrer, 0, 10);
        assertThat(after.getLong("unread")).isEqualTo(4);
        assertThat(after.getList("items.title", String.class)).containsExactly(practice.titleOf("withdrawn"), practice.titleOf("in-activity"),
                practice.titleOf("contacted"), practice.titleOf("accepted"), practice.titleOf("closed"));
        assertThat(after.getList("items.read", Boolean.class)).containsExactly(false, false, false, false, true);

        // marking it again changes nothing
        given().header("Authorization", referrer).post("/notifications/" + newest + "/read").then().statusCode(204);
        assertThat(page(referrer, 0, 10).getLong("unread")).isEqualTo(4);
    }

    @Test
    void aPracticesReferrersNotificationIsReadForEveryReferrerInIt() {
        Practice practice = practiceWithFiveNotifications();
        String any = Inboxes.inbox(practice.referrer()).getString("items[0].id");
        String colleague = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", practice.organisation());
        given().header("Authorization", colleague).post("/notifications/" + any + "/read").then().statusCode(204);
        assertThat(Inboxes.inbox(practice.referrer()).getLong("unread")).isEqualTo(4);
    }

    @Test
    void aPracticesReferrersNotificationsAreNotForALinkWorkerProviderOrAdminCarryingItsOrgId() {
        Practice practice = practiceWithFiveNotifications();
        String any = Inboxes.inbox(practice.referrer()).getString("items[0].id");
        for (String role : List.of("link-worker", "provider", "admin")) {
            String sameOrganisation = TestTokens.bearer(Inboxes.uniqueUser(role), role, practice.organisation());
            JsonPath inbox = Inboxes.inbox(sameOrganisation);
            assertThat(inbox.getLong("total")).as(role).isZero();
            assertThat(inbox.getLong("unread")).as(role).isZero();
            given().header("Authorization", sameOrganisation).post("/notifications/" + any + "/read").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        assertThat(Inboxes.inbox(practice.referrer()).getLong("unread")).isEqualTo(5);
        // a referrer of another practice neither
        String elsewhere = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", Inboxes.uniqueOrganisation());
        assertThat(Inboxes.inbox(elsewhere).getLong("total")).isZero();
        given().header("Authorization", elsewhere).post("/notifications/" + any + "/read").then().statusCode(404);
    }

    @Test
    void anOrganisationsProvidersNotificationsAreNotForItsReferrers() {
        String organisation = Inboxes.uniqueOrganisation();
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(new org.linkwork.events.ActivityReferralUpdated("ar-" + UUID.randomUUID(), referral, "p-1", "svc-1",
                "physical-activity", organisation, organisation, Inboxes.uniqueUser("lw"), "requested", null, 0, null, java.time.Instant.now()));
        String provider = TestTokens.bearer(Inboxes.uniqueUser("provider"), "provider", organisation);
        String id = Inboxes.awaitAbout(provider, referral, 1).get(0).get("id").toString();
        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        assertThat(Inboxes.about(referrer, referral)).isEmpty();
        given().header("Authorization", referrer).post("/notifications/" + id + "/read").then().statusCode(404);
        given().header("Authorization", provider).post("/notifications/" + id + "/read").then().statusCode(204);
    }

    @Test
    void badPagingParametersAreNamed() {
        for (String page : List.of("-1", "abc", "1.5", "99999999999")) {
            given().header("Authorization", Inboxes.gp()).queryParam("page", page).get("/notifications")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:linkwork:problem:validation-failed"))
                    .body("errors.field", equalTo(List.of("page")))
                    .body(not(containsString("Exception")));
        }
        for (String size : List.of("0", "101", "x", "-5", "2e1")) {
            given().header("Authorization", Inboxes.gp()).queryParam("size", size).get("/notifications")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("size")))
                    .body("errors.message", equalTo(List.of("must be a whole number from 1 to 100")));
        }
        given().header("Authorization", Inboxes.gp()).queryParam("size", 100).queryParam("page", 0).get("/notifications")
                .then().statusCode(200);
        // an empty or blank value counts as no value, so it takes the default
        given().header("Authorization", Inboxes.gp()).queryParam("page", "").queryParam("size", "").get("/notifications")
                .then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void onlyInboxHoldersMayReadAnInbox() {
        given().get("/notifications").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not-a-token").get("/notifications").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("analyst.demo", "analyst", "linkwork-analytics")).get("/notifications")
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:forbidden"));
        for (String role : List.of("referrer", "link-worker", "provider", "admin")) {
            given().header("Authorization", TestTokens.bearer(Inboxes.uniqueUser(role), role, Inboxes.uniqueOrganisation()))
                    .get("/notifications").then().statusCode(200).body("total", equalTo(0)).body("unread", equalTo(0));
        }
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).get("/notifications").then().statusCode(200);
    }

    @Test
    void onlyTheRecipientMayMarkANotificationRead() {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorkerName = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.match(referral, organisation, linkWorkerName, 2));
        String linkWorker = TestTokens.bearer(linkWorkerName, "link-worker", Inboxes.uniqueOrganisation());
        String own = Inboxes.awaitAbout(linkWorker, referral, 1).get(0).get("id").toString();
        String path = "/notifications/" + own + "/read";

        given().post(path).then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("analyst.demo", "analyst", organisation)).post(path).then().statusCode(403);
        // the referring practice has its own notification of this match, but this one is the link worker's
        given().header("Authorization", TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation)).post(path)
                .then().statusCode(404).contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:not-found"));
        given().header("Authorization", TestTokens.bearer("gp.other", "referrer", Inboxes.OTHER_PRACTICE)).post(path).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(Inboxes.uniqueUser("lw"), "link-worker", organisation)).post(path)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).post(path).then().statusCode(404);
        given().header("Authorization", linkWorker).post("/notifications/" + UUID.randomUUID() + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", linkWorker).post("/notifications/not-a-uuid/read")
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(Inboxes.inbox(linkWorker).getLong("unread")).isEqualTo(1);

        given().header("Authorization", linkWorker).post(path).then().statusCode(204);
        assertThat(Inboxes.inbox(linkWorker).getLong("unread")).isZero();
    }
}
