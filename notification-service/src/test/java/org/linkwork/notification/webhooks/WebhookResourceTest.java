package org.linkwork.notification.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.NotificationFailed;
import org.linkwork.events.Topic;
import org.linkwork.notification.Inboxes;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.notification.testing.WebhookReceiver;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** Partner webhooks against a local receiver that checks every signature, as a partner would. */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class WebhookResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An organisation of the test's own, one of its referrers, and a subscription to its referral updates. */
    private record Partner(String organisation, String referrer, String subscription, WebhookReceiver receiver) {
    }

    private static Partner partner(List<String> eventTypes) throws Exception {
        String organisation = Inboxes.uniqueOrganisation();
        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        WebhookReceiver receiver = new WebhookReceiver();
        JsonPath created = given().header("Authorization", referrer).contentType("application/json")
                .body(Map.of("url", receiver.url(), "eventTypes", eventTypes))
                .post("/organisations/" + organisation + "/webhooks")
                .then().statusCode(201).header("Location", startsWith("http")).extract().jsonPath();
        assertThat(created.getString("secret")).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.getList("eventTypes", String.class)).isEqualTo(eventTypes);
        receiver.secret(created.getString("secret"));
        return new Partner(organisation, referrer, created.getString("id"), receiver);
    }

    private static JsonPath log(Partner partner) {
        return given().header("Authorization", partner.referrer()).get("/organisations/" + partner.organisation() + "/webhook-deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void accepted(Partner partner, String referral) {
        TopicProbe.publish(Inboxes.statusChange(referral, partner.organisation(), null, "received", "accepted", "link-worker"));
    }

    @Test
    void aSubscribedPartnerReceivesSignedNotificationsOfItsChosenKindsOnly() throws Exception {
        Partner partner = partner(List.of("referral-updated", "activity-completed"));
        try (WebhookReceiver receiver = partner.receiver()) {
            String referral = UUID.randomUUID().toString();
            accepted(partner, referral);
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> receiver.verified().size() == 1);

            WebhookReceiver.Call call = receiver.calls().get(0);
            assertThat(call.event()).isEqualTo("referral-updated");
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.get("type").asText()).isEqualTo("referral-updated");
            assertThat(body.get("organisation").asText()).isEqualTo(partner.organisation());
            assertThat(body.get("referralId").asText()).isEqualTo(referral);
            assertThat(body.get("title").asText()).isEqualTo("The link worker accepted referral " + referral.substring(0, 8));

            // a kind it did not choose, then one it did, as a marker
            TopicProbe.publish(Inboxes.match(referral, partner.organisation(), null, 2));
            TopicProbe.publish(Inboxes.statusChange(referral, partner.organisation(), null, "accepted", "contacted", "link-worker"));
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> receiver.verified().size() == 2);
            // the two topics are not ordered with each other: the proposal is in once the organisation's inbox has its notice
            String staff = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", partner.organisation());
            assertThat(Inboxes.awaitAbout(staff, referral, 3)).extracting(n -> n.get("title"))
                    .contains("Linkwork proposed 2 community activities for referral " + referral.substring(0, 8));
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::event).containsOnly("referral-updated");
            assertThat(receiver.calls()).extracting(WebhookReceiver.Call::deliveryId).doesNotHaveDuplicates();

            JsonPath log = Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> log(partner),
                    l -> l.getList("items.status").equals(List.of("sent", "sent")));
            assertThat(log.getLong("total")).isEqualTo(2);
            assertThat(log.getList("items.attempts", Integer.class)).containsOnly(1);
            assertThat(log.getList("items.subscriptionId")).containsOnly(partner.subscription());
            assertThat(log.getList("items.id")).containsExactlyInAnyOrderElementsOf(receiver.calls().stream().map(WebhookReceiver.Call::deliveryId).toList());

            // the subscription list never shows the secret again
            given().header("Authorization", partner.referrer()).get("/organisations/" + partner.organisation() + "/webhooks")
                    .then().statusCode(200).body("size()", equalTo(1)).body("[0].id", equalTo(partner.subscription()))
                    .body("[0].secret", equalTo(null)).body("[0].url", equalTo(receiver.url()));
        }
    }

    @Test
    void aFailingPartnerIsTriedAgainUntilItAnswers() throws Exception {
        Partner partner = partner(List.of("referral-updated"));
        try (WebhookReceiver receiver = partner.receiver()) {
            receiver.failNext(500, 503);
            accepted(partner, UUID.randomUUID().toString());
            JsonPath log = Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> log(partner),
                    l -> l.getList("items.status").equals(List.of("sent")));
            assertThat(log.getInt("items[0].attempts")).isEqualTo(3);
            assertThat(receiver.calls()).hasSize(3).extracting(WebhookReceiver.Call::deliveryId).containsOnly(log.getString("items[0].id"));
            // each try waited longer than nothing
            assertThat(receiver.calls().get(1).at()).isAfter(receiver.calls().get(0).at());
        }
    }

    @Test
    void afterTheLastTryADeliveryIsADeadLetterThePartnerCanSendAgain() throws Exception {
        Partner partner = partner(List.of("referral-updated"));
        try (WebhookReceiver receiver = partner.receiver()) {
            receiver.failNext(500, 500, 500);
            String referral = UUID.randomUUID().toString();
            accepted(partner, referral);
            JsonPath log = Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> log(partner),
                    l -> l.getList("items.status").equals(List.of("failed")));
            assertThat(log.getInt("items[0].attempts")).isEqualTo(3);
            assertThat(log.getString("items[0].lastError")).isEqualTo("http-500");
            String delivery = log.getString("items[0].id");

            var failures = TopicProbe.awaitRecords(List.of(Topic.NOTIFICATION_FAILED.topicName()),
                    seen -> seen.stream().anyMatch(r -> r.value().contains(delivery)), Inboxes.PATIENCE);
            NotificationFailed failed = failures.stream().filter(r -> r.value().contains(delivery))
                    .map(r -> EventJson.read(r.value(), NotificationFailed.class)).findFirst().orElseThrow();
            assertThat(failed.channel()).isEqualTo("webhook");
            assertThat(failed.recipientKind()).isEqualTo("referrer");
            assertThat(failed.referralId()).isEqualTo(referral);
            assertThat(failed.attempts()).isEqualTo(3);

            String retry = "/organisations/" + partner.organisation() + "/webhook-deliveries/" + delivery + "/retry";
            given().header("Authorization", partner.referrer()).post(retry).then().statusCode(200).body("status", equalTo("pending"));
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> log(partner).getString("items[0].status").equals("sent"));
            assertThat(receiver.verified()).hasSize(4);
            given().header("Authorization", partner.referrer()).post(retry).then().statusCode(409).contentType("application/problem+json");
        }
    }

    @Test
    void removingASubscriptionStopsWhatWaitsForIt() throws Exception {
        Partner partner = partner(List.of("referral-updated"));
        try (WebhookReceiver receiver = partner.receiver()) {
            receiver.failNext(500, 500);
            accepted(partner, UUID.randomUUID().toString());
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> receiver.calls().size() >= 1);
            String path = "/organisations/" + partner.organisation() + "/webhooks/" + partner.subscription();
            given().header("Authorization", partner.referrer()).delete(path).then().statusCode(204);
            given().header("Authorization", partner.referrer()).delete(path).then().statusCode(404);
            Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> !"pending".equals(log(partner).getString("items[0].status")));
            assertThat(log(partner).getString("items[0].status")).isIn("cancelled", "failed");
            given().header("Authorization", partner.referrer()).get("/organisations/" + partner.organisation() + "/webhooks")
                    .then().statusCode(200).body("size()", equalTo(0));
        }
    }

    @Test
    void aBadSubscriptionIsRefusedNamingTheField() {
        String organisation = Inboxes.uniqueOrganisation();
        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        String path = "/organisations/" + organisation + "/webhooks";
        Map<Object, String> cases = Map.of(
                Map.of("eventTypes", List.of("referral-updated")), "url",
                Map.of("url", "ftp://partner.example/hook", "eventTypes", List.of("referral-updated")), "url",
                Map.of("url", "not a url", "eventTypes", List.of("referral-updated")), "url",
                Map.of("url", "https://user:pw@partner.example/hook", "eventTypes", List.of("referral-updated")), "url",
                Map.of("url", "https://partner.example/hook", "eventTypes", List.of()), "eventTypes",
                Map.of("url", "https://partner.example/hook", "eventTypes", List.of("referral-updated", "matches-ready")), "eventTypes[1]",
                Map.of("url", "https://partner.example/hook", "eventTypes", List.of("referral-updated"), "colour", "red"), "colour");
        cases.forEach((body, field) -> given().header("Authorization", referrer).contentType("application/json").body(body).post(path)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", equalTo(List.of(field))));
        given().header("Authorization", referrer).contentType("application/json").body("{\"url\":").post(path)
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", referrer).get(path).then().statusCode(200).body("size()", equalTo(0));
    }
}
