package org.linkwork.referral.loop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

/** The closed loop in JSON: the link worker sends, the provider answers, records sessions and completes; the referral follows. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ActivityReferralTest {

    static final String LW = Referrals.linkWorker();
    static final String PROVIDER = Referrals.provider();

    static String status(String referralId) {
        return given().header("Authorization", LW).get("/referrals/" + referralId).then().extract().path("status");
    }

    static String move(String token, String activityId, String status, String reason) {
        return "{\"status\":\"" + status + "\"" + (reason == null ? "" : ",\"reasonCode\":\"" + reason + "\"") + "}";
    }

    @Test
    void aProviderAcceptsRecordsSessionsAndCompletesAndTheReferralFollows() {
        String id = Referrals.create();
        String service = Referrals.match(id);
        String activity = Referrals.sendActivity(id, service, true);

        // the provider sees it in their list, with the minimum about the person and nothing more
        JsonPath list = given().header("Authorization", PROVIDER).queryParam("status", "requested,accepted").get("/activity-referrals")
                .then().statusCode(200).extract().jsonPath();
        given().header("Authorization", PROVIDER).queryParam("status", "completed").get("/activity-referrals").then().statusCode(200)
                .body("items.id", not(hasItem(activity)));
        given().header("Authorization", PROVIDER).queryParam("status", "done").get("/activity-referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        Map<String, Object> mine = list.getList("items", Map.class).stream().filter(m -> activity.equals(m.get("id")))
                .findFirst().orElseThrow();
        assertThat(mine).containsEntry("status", "requested").containsEntry("serviceName", "Tuesday walk and talk")
                .containsEntry("allowed", List.of("accepted", "rejected"));
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) mine.get("person");
        assertThat(person).containsOnlyKeys("personRef", "givenName", "phone", "language", "accessibilityRequirements")
                .containsEntry("givenName", "Ann").containsEntry("phone", "07700 900123")
                .containsEntry("accessibilityRequirements", List.of("limited-mobility"));
        String whole = given().header("Authorization", PROVIDER).get("/activity-referrals/" + activity).then().statusCode(200)
                .extract().asString();
        assertThat(whole).doesNotContain("Example", "ann@example.org", "1950-03-02", "LS6", "Lives alone", "loneliness", "nhsNumber");

        // the provider may not cancel; the link worker may not accept: 409 with what each may do
        given().header("Authorization", PROVIDER).contentType("application/json").body(move(PROVIDER, activity, "cancelled", "x"))
                .post("/activity-referrals/" + activity + "/status").then().statusCode(409)
                .body("type", equalTo("urn:linkwork:problem:invalid-transition")).body("allowed", contains("accepted", "rejected"));
        given().header("Authorization", LW).contentType("application/json").body(move(LW, activity, "accepted", null))
                .post("/activity-referrals/" + activity + "/status").then().statusCode(409).body("allowed", contains("cancelled"));
        // attendance before the start is refused
        given().header("Authorization", PROVIDER).contentType("application/json")
                .body("{\"sessionAt\":\"" + Instant.now() + "\",\"attended\":true}")
                .post("/activity-referrals/" + activity + "/attendance").then().statusCode(409)
                .body("type", equalTo("urn:linkwork:problem:activity-not-in-progress"));

        Instant first = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        given().header("Authorization", PROVIDER).contentType("application/json")
                .body("{\"status\":\"accepted\",\"nextSessionAt\":\"" + first + "\"}")
                .post("/activity-referrals/" + activity + "/status").then().statusCode(200).body("status", equalTo("accepted"))
                .body("allowed", contains("in-progress", "failed"));
        assertThat(status(id)).isEqualTo("matched");
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "in-progress", null))).isEqualTo(200);
        assertThat(status(id)).isEqualTo("in-activity");

        for (int week = 0; week < 3; week++) {
            given().header("Authorization", PROVIDER).contentType("application/json")
                    .body("{\"sessionAt\":\"" + first.plus(7L * week, ChronoUnit.DAYS) + "\",\"attended\":" + (week != 1) + "}")
                    .post("/activity-referrals/" + activity + "/attendance").then().statusCode(200);
        }
        // the same session again corrects it rather than counting twice
        given().header("Authorization", PROVIDER).contentType("application/json")
                .body("{\"sessionAt\":\"" + first.plus(7, ChronoUnit.DAYS) + "\",\"attended\":true,\"nextSessionAt\":\""
                        + first.plus(21, ChronoUnit.DAYS) + "\"}")
                .post("/activity-referrals/" + activity + "/attendance").then().statusCode(200).body("sessionsAttended", equalTo(3));

        given().header("Authorization", PROVIDER).contentType("application/json").body(move(PROVIDER, activity, "completed", null))
                .post("/activity-referrals/" + activity + "/status").then().statusCode(200).body("status", equalTo("completed"))
                .body("person", nullValue()).body("allowed", equalTo(List.of()));
        assertThat(status(id)).isEqualTo("completed");

        // each change went out, analytics-safe; activity-completed once
        List<ConsumerRecord<String, String>> seen = TopicProbe.awaitRecords(List.of("activity-referral-updated", "activity-completed"),
                r -> r.stream().anyMatch(x -> x.topic().equals("activity-completed") && x.value().contains(activity))
                        && r.stream().anyMatch(x -> x.topic().equals("activity-referral-updated") && x.value().contains(activity)
                                && "completed".equals(JsonPath.from(x.value()).getString("status"))),
                Duration.ofSeconds(30));
        List<String> statuses = seen.stream().filter(r -> r.topic().equals("activity-referral-updated") && r.value().contains(activity))
                .map(r -> JsonPath.from(r.value()).getString("status")).toList();
        assertThat(statuses).containsExactly("requested", "accepted", "in-progress", "in-progress", "in-progress", "in-progress",
                "in-progress", "completed");
        ConsumerRecord<String, String> completed = seen.stream().filter(r -> r.topic().equals("activity-completed")
                && r.value().contains(activity)).findFirst().orElseThrow();
        assertThat(completed.key()).isEqualTo(id);
        assertThat(JsonPath.from(completed.value()).getInt("sessionsAttended")).isEqualTo(3);
        // each update names the activity as the directory published it, so messages to the person can; the completion
        // names it too, and the referring practice, so the message back needs no earlier event
        assertThat(seen.stream().filter(r -> r.topic().equals("activity-referral-updated") && r.value().contains(activity))
                .map(r -> EventJson.read(r.value(), ActivityReferralUpdated.class).serviceName()))
                .hasSize(8).containsOnly("Tuesday walk and talk");
        ActivityCompleted done = EventJson.read(completed.value(), ActivityCompleted.class);
        assertThat(done.referrerOrganization()).isEqualTo(Referrals.PRACTICE);
        assertThat(done.serviceName()).isEqualTo("Tuesday walk and talk");
        seen.stream().filter(r -> r.value().contains(activity)).forEach(r -> assertThat(r.value())
                .doesNotContain("Ann", "Example", "07700", "ann@example.org", "LS6 2AA", "1950-03-02"));

        // the care team sees it in the referral's list and on the timeline; the summary says what was taken up
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id + "/activity-referrals").then().statusCode(200)
                .body("[0].status", equalTo("completed")).body("[0].person", nullValue());
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id + "/summary").then().statusCode(200)
                .body("status", equalTo("completed")).body("outcome", equalTo("completed"))
                .body("code.code", equalTo("871731000000106")).body("activities[0].takenUp", equalTo(true))
                .body("activities[0].sessionsAttended", equalTo(3)).body("activities[0].procedures", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void onlyProposedActivitiesOfAMatchedReferralCanBeSentAndOnlyTheirProviderSeesThem() {
        String id = Referrals.create();
        given().header("Authorization", LW).contentType("application/json").body("{\"serviceId\":\"anything\"}")
                .post("/referrals/" + id + "/activity-referrals").then().statusCode(409)
                .body("type", equalTo("urn:linkwork:problem:referral-not-matched"));
        String service = Referrals.match(id);
        given().header("Authorization", LW).contentType("application/json").body("{\"serviceId\":\"not-proposed\"}")
                .post("/referrals/" + id + "/activity-referrals").then().statusCode(400).body("errors[0].field", equalTo("serviceId"));
        String activity = Referrals.sendActivity(id, service, false);
        given().header("Authorization", LW).contentType("application/json").body("{\"serviceId\":\"" + service + "\"}")
                .post("/referrals/" + id + "/activity-referrals").then().statusCode(409)
                .body("existingActivityReferralId", equalTo(activity));

        // without the person's agreement the provider gets no phone number
        given().header("Authorization", PROVIDER).get("/activity-referrals/" + activity).then().statusCode(200)
                .body("person.givenName", equalTo("Ann")).body("person.phone", nullValue());
        String otherProvider = TestTokens.bearer("provider.other", "provider", "org-other-provider");
        given().header("Authorization", otherProvider).get("/activity-referrals/" + activity).then().statusCode(404);
        assertThat(Referrals.moveActivity(otherProvider, activity, move(otherProvider, activity, "accepted", null))).isEqualTo(404);
        given().header("Authorization", otherProvider).get("/activity-referrals").then().statusCode(200)
                .body("items.id", not(hasItem(activity)));

        // rejecting needs a reason; with one, the link worker can choose another activity
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "rejected", null))).isEqualTo(400);
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "rejected", "no-capacity"))).isEqualTo(200);
        assertThat(status(id)).isEqualTo("matched");
        Referrals.sendActivity(id, service, false);
    }

    @Test
    void anActivityProposedWithoutANameIsNotCalledByItsIdInEvents() {
        String id = Referrals.create();
        Referrals.assess(id);
        String service = "walk-" + UUID.randomUUID();
        TopicProbe.publish(new MatchProposed(id, "p-" + UUID.randomUUID(), Referrals.PRACTICE, "lw.demo",
                List.of(new MatchProposed.Proposal(1, service, null, Referrals.PROVIDER_ORG, 0.9, 1.2, List.of(), List.of())),
                List.of(), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "matched".equals(status(id)));
        String activity = Referrals.sendActivity(id, service, false);

        ConsumerRecord<String, String> sent = TopicProbe.awaitRecords(List.of("activity-referral-updated"),
                r -> r.stream().anyMatch(x -> x.value().contains(activity)), Duration.ofSeconds(30))
                .stream().filter(r -> r.value().contains(activity)).findFirst().orElseThrow();
        ActivityReferralUpdated update = EventJson.read(sent.value(), ActivityReferralUpdated.class);
        assertThat(update.serviceId()).isEqualTo(service);
        assertThat(update.serviceName()).isNull();
        assertThat(update.referrerOrganization()).isEqualTo(Referrals.PRACTICE);
    }

    @Test
    void theRequesterCancelsAndAnActivityEndingEarlySendsTheReferralBackToMatched() {
        String id = Referrals.create();
        String service = Referrals.match(id);
        String activity = Referrals.sendActivity(id, service, false);
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "accepted", null))).isEqualTo(200);
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "in-progress", null))).isEqualTo(200);
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "on-hold", null))).isEqualTo(200);
        assertThat(status(id)).isEqualTo("in-activity");
        assertThat(Referrals.moveActivity(LW, activity, move(LW, activity, "cancelled", null))).isEqualTo(400);
        assertThat(Referrals.moveActivity(LW, activity, move(LW, activity, "cancelled", "person-moved-away"))).isEqualTo(200);
        assertThat(status(id)).isEqualTo("matched");
        // final: nobody moves it again
        given().header("Authorization", PROVIDER).contentType("application/json").body(move(PROVIDER, activity, "in-progress", null))
                .post("/activity-referrals/" + activity + "/status").then().statusCode(409).body("allowed", equalTo(List.of()));
    }

    @Test
    void withdrawnConsentCancelsOpenActivityReferralsAndHidesWellbeing() {
        String id = Referrals.create();
        String service = Referrals.match(id);
        String activity = Referrals.sendActivity(id, service, true);
        assertThat(Referrals.moveActivity(PROVIDER, activity, move(PROVIDER, activity, "accepted", null))).isEqualTo(200);
        TopicProbe.publish(new OutcomeRecorded(UUID.randomUUID().toString(), id, "p-" + UUID.randomUUID(), "ucla3", "baseline",
                Map.of("total", 7.0), Instant.now().minusSeconds(60)));
        TopicProbe.publish(new OutcomeRecorded(UUID.randomUUID().toString(), id, "p-" + UUID.randomUUID(), "ucla3", "follow-up",
                Map.of("total", 4.0), Instant.now()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", Referrals.gp())
                .get("/referrals/" + id + "/summary").then().statusCode(200).body("wellbeing[0].instrument", equalTo("ucla3"))
                .body("wellbeing[0].change.total", equalTo(-3.0f)));

        given().header("Authorization", LW).post("/referrals/" + id + "/consent-withdrawal").then().statusCode(200);
        given().header("Authorization", PROVIDER).get("/activity-referrals/" + activity).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("statusReasonCode", equalTo("consent-withdrawn")).body("person", nullValue());
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id + "/summary").then().statusCode(200)
                .body("outcome", equalTo("withdrawn")).body("consentActive", equalTo(false)).body("wellbeing", nullValue());
    }
}
