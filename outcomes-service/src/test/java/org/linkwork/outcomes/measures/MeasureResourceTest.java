package org.linkwork.outcomes.measures;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.Lifecycle;
import org.linkwork.outcomes.Teams;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class MeasureResourceTest {

    private static final Map<String, Integer> SWEMWBS_21 = Map.of("optimistic", 3, "useful", 3, "relaxed", 3, "dealing-with-problems", 3,
            "thinking-clearly", 3, "close-to-others", 3, "own-mind", 3);
    private static final Map<String, Integer> SWEMWBS_27 = Map.of("optimistic", 4, "useful", 4, "relaxed", 4, "dealing-with-problems", 4,
            "thinking-clearly", 4, "close-to-others", 4, "own-mind", 3);

    /** The link worker of these tests: an active member of every referral's team here. */
    private static final String LW = "lw.test";

    /** Their org_id is their employer, never the practice: their access is their team's. */
    static String linkWorker() {
        return Teams.linkWorker(LW);
    }

    /**
     * A referral of a new practice, with a new team of which {@link #LW} is an active member, known to
     * this service once its referral-created has been applied.
     */
    static String knownReferral(String practice) {
        String team = Teams.newTeam();
        Teams.publish(team, List.of(practice), Teams.active(LW));
        Teams.awaitMember(team, LW);
        String id = newReferralId();
        TopicProbe.publish(Lifecycle.created(id, practice, Instant.now(), team));
        Awaitility.await().atMost(Kpis.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", linkWorker()).get("/referrals/" + id + "/wellbeing").then().statusCode(200));
        return id;
    }

    static io.restassured.response.ValidatableResponse post(String token, Object body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/measures").then();
    }

    @Test
    void aMeasureIsScoredStoredAndPublishedAsScoresOnly() {
        String practice = newPractice();
        String id = knownReferral(practice);
        JsonPath created = post(linkWorker(), Map.of("referralId", id, "instrument", "swemwbs", "timepoint", "baseline",
                "answers", SWEMWBS_21))
                .statusCode(201).contentType("application/json")
                .header("Location", org.hamcrest.Matchers.endsWith("/referrals/" + id + "/wellbeing"))
                .body("scores.raw", equalTo(21.0f)).body("scores.metric", equalTo(19.25f))
                .body("recordedBy", equalTo("lw.test"))
                .extract().jsonPath();
        String measureId = created.getString("id");

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("outcome-recorded"),
                seen -> seen.stream().anyMatch(r -> r.value() != null && r.value().contains(measureId)), Kpis.PATIENCE);
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.value().contains(measureId)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(id);
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("linkwork.outcome.recorded.v1");
        OutcomeRecorded event = EventJson.read(record.value(), OutcomeRecorded.class);
        assertThat(event.scores()).containsOnly(Map.entry("raw", 21.0), Map.entry("metric", 19.25));
        assertThat(event.personRef()).startsWith("p-");
        // the answers themselves never leave the service
        assertThat(record.value()).doesNotContain("answers").doesNotContain("optimistic");
    }

    @Test
    void baselineAndFollowUpGiveThePersonsChangeAndMoveTheWellbeingKpi() {
        String practice = newPractice();
        String id = knownReferral(practice);
        post(linkWorker(), Map.of("referralId", id, "instrument", "swemwbs", "timepoint", "baseline", "answers", SWEMWBS_21))
                .statusCode(201);
        post(linkWorker(), Map.of("referralId", id, "instrument", "ucla3", "timepoint", "baseline",
                "answers", Map.of("lack-companionship", 3, "left-out", 2, "isolated", 2))).statusCode(201);
        post(linkWorker(), Map.of("referralId", id, "instrument", "swemwbs", "timepoint", "follow-up", "answers", SWEMWBS_27))
                .statusCode(201);
        post(linkWorker(), Map.of("referralId", id, "instrument", "goals", "timepoint", "3-months", "answers", Map.of("goal-1", 5)))
                .statusCode(201);

        given().header("Authorization", linkWorker()).get("/referrals/" + id + "/wellbeing").then().statusCode(200)
                .body("measures", hasSize(4))
                .body("changes", hasSize(1))
                .body("changes[0].instrument", equalTo("swemwbs"))
                .body("changes[0].scores.find { it.score == 'metric' }.change", equalTo(4.86f))
                .body("changes[0].scores.find { it.score == 'metric' }.verdict", equalTo("improved"));

        // the KPI comes from the outcome-recorded topic, like every other projection
        Awaitility.await().atMost(Kpis.PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath kpis = given().header("Authorization", Kpis.analyst()).queryParam("practice", practice).get("/kpis")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(kpis.getFloat("tables.find { it.name == 'wellbeing.swemwbs.metric' }.rows.find { it.key == 'mean-change' }.value"))
                    .isEqualTo(4.86f);
            assertThat(kpis.getInt("tables.find { it.name == 'wellbeing.swemwbs.metric' }.rows.find { it.key == 'improved' }.value"))
                    .isEqualTo(1);
        });
    }

    @Test
    void missingAndOutOfRangeItemsAreNamedAndNothingIsRecorded() {
        String practice = newPractice();
        String id = knownReferral(practice);
        post(linkWorker(), Map.of("referralId", id, "instrument", "ucla3", "timepoint", "baseline",
                "answers", Map.of("lack-companionship", 4, "left-out", 2)))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:validation-failed"))
                .body("errors.field", containsInAnyOrder("answers.lack-companionship", "answers.isolated"));
        post(linkWorker(), Map.of("referralId", id, "instrument", "ons4", "timepoint", "baseline",
                "answers", Map.of("life-satisfaction", 7, "worthwhile", 7, "happiness", 7, "anxiety", 7, "mood", 3)))
                .statusCode(400).body("errors.field", equalTo(List.of("answers.mood")));
        post(linkWorker(), Map.of("referralId", "nope", "instrument", "phq9", "timepoint", "Week 2", "answers", Map.of()))
                .statusCode(400).body("errors.field", containsInAnyOrder("referralId", "instrument", "timepoint"));
        post(linkWorker(), "{\"referralId\": \"" + id + "\", \"instrument\": \"ons4\", \"timepoint\": \"baseline\", \"answers\": {},"
                + " \"notes\": \"free text\"}").statusCode(400).contentType("application/problem+json");
        post(linkWorker(), "{not json").statusCode(400).contentType("application/problem+json");
        given().header("Authorization", linkWorker()).get("/referrals/" + id + "/wellbeing").then().statusCode(200)
                .body("measures", hasSize(0));
    }

    @Test
    void onlyActiveMembersOfTheReferralsTeamRecordAndReadMeasures() {
        String practice = newPractice();
        String id = knownReferral(practice);
        Map<String, Object> body = Map.of("referralId", id, "instrument", "goals", "timepoint", "baseline", "answers", Map.of("goal-1", 4));
        // another link worker of the same employer, in no team of the referral's
        post(Teams.linkWorker(Teams.newLinkWorker()), body).statusCode(404).body("type", equalTo("urn:linkwork:problem:not-found"));
        given().header("Authorization", Teams.linkWorker(Teams.newLinkWorker())).get("/referrals/" + id + "/wellbeing").then().statusCode(404);
        // the old rule gives nothing: a link worker whose org_id is the referral's practice, but who is in no team of it
        String practiceToken = TestTokens.bearer(Teams.newLinkWorker(), "link-worker", practice);
        post(practiceToken, body).statusCode(404);
        given().header("Authorization", practiceToken).get("/referrals/" + id + "/wellbeing").then().statusCode(404);
        // a referral this service has never heard of
        post(linkWorker(), Map.of("referralId", newReferralId(), "instrument", "goals", "timepoint", "baseline",
                "answers", Map.of("goal-1", 4))).statusCode(404);
        given().header("Authorization", linkWorker()).get("/referrals/x/wellbeing").then().statusCode(404);
        post(TestTokens.bearer("lw.none", "link-worker", null), body).statusCode(404);
        post(linkWorker(), body).statusCode(201);
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).get("/referrals/" + id + "/wellbeing")
                .then().statusCode(200).body("measures", hasSize(1));
    }

    @Test
    void aReferralWhoseTeamIsNotKnownIsAnAdminsOnly() {
        String practice = newPractice();
        String team = Teams.newTeam();
        Teams.publish(team, List.of(practice), Teams.active(LW));
        Teams.awaitMember(team, LW);
        // written before teams were carried: no event of it names a team
        String id = newReferralId();
        TopicProbe.publish(Lifecycle.created(id, practice, Instant.now()));
        String admin = TestTokens.bearer("admin.demo", "admin", null);
        Awaitility.await().atMost(Kpis.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", admin).get("/referrals/" + id + "/wellbeing").then().statusCode(200));
        given().header("Authorization", linkWorker()).get("/referrals/" + id + "/wellbeing").then().statusCode(404);
        post(linkWorker(), Map.of("referralId", id, "instrument", "goals", "timepoint", "baseline", "answers", Map.of("goal-1", 4)))
                .statusCode(404);
    }
}
