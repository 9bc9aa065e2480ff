package org.linkwork.referral.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class AssessmentTest {

    private static final String ASSESSMENT = Referrals.ASSESSMENT;

    @Test
    void aLinkWorkerAssessesAndMatchingIsAskedWithCodedContentOnly() {
        String id = Referrals.create();
        Referrals.contact(id);
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body(ASSESSMENT)
                .post("/referrals/" + id + "/assessment")
                .then().statusCode(200).body("status", equalTo("assessed")).body("linkWorker", equalTo("lw.demo"));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("referral-assessed", "referral-status-changed"),
                seen -> seen.stream().filter(r -> id.equals(r.key()) && r.topic().equals("referral-assessed")).count() == 1
                        && seen.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("\"toStatus\":\"assessed\"")),
                Duration.ofSeconds(20));
        ReferralAssessed assessed = records.stream().filter(r -> r.topic().equals("referral-assessed") && id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), ReferralAssessed.class)).findFirst().orElseThrow();
        assertThat(assessed.needs()).containsExactly("loneliness", "physical-activity");
        assertThat(assessed.preferences().deliveryModes()).containsExactly("in-person");
        assertThat(assessed.preferences().days()).containsExactly("tue", "thu");
        assertThat(assessed.travel().postcodeDistrict()).isEqualTo("LS6");
        assertThat(assessed.travel().maxTravelKm()).isEqualTo(5.0);
        assertThat(assessed.linkWorker()).isEqualTo("lw.demo");
        assertThat(assessed.goalAreas()).containsExactly("loneliness");
        assertThat(assessed.interests()).containsExactly("walking", "gardening");
        assertThat(assessed.preferences().timesOfDay()).containsExactly("morning");
        assertThat(assessed.preferences().setting()).isEqualTo("group");
        assertThat(assessed.healthConditions()).containsExactly("cardiovascular");
        assertThat(assessed.accessibilityRequirements()).containsExactly("limited-mobility");
        assertThat(assessed.digitalAccess()).isEqualTo("none");
        assertThat(assessed.travel().publicTransportOnly()).isTrue();
        assertThat(assessed.costSensitive()).isTrue();
        assertThat(assessed.reassessment()).isFalse();
        // the goal in the person's words and the full postcode stay here
        String raw = records.stream().filter(r -> r.topic().equals("referral-assessed") && id.equals(r.key())).findFirst().orElseThrow().value();
        assertThat(raw).doesNotContain("twice a week", "LS6 2AA");
        ReferralStatusChanged changed = records.stream().filter(r -> r.topic().equals("referral-status-changed") && id.equals(r.key())
                        && r.value().contains("\"toStatus\":\"assessed\""))
                .map(r -> EventJson.read(r.value(), ReferralStatusChanged.class)).findFirst().orElseThrow();
        assertThat(changed.fromStatus()).isEqualTo("contacted");
        assertThat(changed.toStatus()).isEqualTo("assessed");
        assertThat(changed.changedByRole()).isEqualTo("link-worker");
    }

    @Test
    void onlyTheTeamsLinkWorkersAssess() {
        String id = Referrals.create();
        Referrals.contact(id);
        given().header("Authorization", Referrals.gp()).contentType("application/json").body(ASSESSMENT)
                .post("/referrals/" + id + "/assessment").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("lw.other", "link-worker", Referrals.OTHER_PRACTICE))
                .contentType("application/json").body(ASSESSMENT)
                .post("/referrals/" + id + "/assessment").then().statusCode(404);
        given().contentType("application/json").body(ASSESSMENT)
                .post("/referrals/" + id + "/assessment").then().statusCode(401);
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id)
                .then().body("status", equalTo("contacted"));
    }

    @Test
    void anAssessmentBeforeFirstContactIsRefusedWithTheAllowedSteps() {
        String id = Referrals.create();
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body(ASSESSMENT)
                .post("/referrals/" + id + "/assessment").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:invalid-transition"))
                .body("currentStatus", equalTo("received"))
                .body("allowed", org.hamcrest.Matchers.containsInAnyOrder("accepted", "rejected", "withdrawn"));
    }

    @Test
    void aReassessmentIsMarkedAndTakesAMatchedReferralBackToAssessed() {
        String id = Referrals.create();
        Referrals.assess(id);
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body(ASSESSMENT.replace("\"walking\",", ""))
                .post("/referrals/" + id + "/assessment").then().statusCode(200).body("status", equalTo("assessed"));
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("referral-assessed"),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
        List<ReferralAssessed> both = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), ReferralAssessed.class)).toList();
        assertThat(both).extracting(ReferralAssessed::reassessment).containsExactly(false, true);
        assertThat(both.get(1).interests()).containsExactly("gardening");
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id + "/assessment")
                .then().statusCode(200).body("size()", equalTo(2))
                .body("[0].assessment.goals[0].text", equalTo("Get out of the house twice a week"));
    }

    @Test
    void badAssessmentsNameTheField() {
        String id = Referrals.create();
        Referrals.contact(id);
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body(ASSESSMENT.replace("\"in-person\"", "\"by-carrier-pigeon\""))
                .post("/referrals/" + id + "/assessment").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("preferences.deliveryModes[0]"));
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body(ASSESSMENT.replace("\"maxTravelKm\":5", "\"maxTravelKm\":-1"))
                .post("/referrals/" + id + "/assessment").then().statusCode(400)
                .body("errors.field", hasItem("travel.maxTravelKm"));
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body(ASSESSMENT.replace("\"walking\"", "\"skydiving\""))
                .post("/referrals/" + id + "/assessment").then().statusCode(400)
                .body("errors.field", hasItem("interests[0]"));
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body(ASSESSMENT.replace("\"limited-mobility\"", "\"jetpack\""))
                .post("/referrals/" + id + "/assessment").then().statusCode(400)
                .body("errors.field", hasItem("accessibilityRequirements[0]"));
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body(ASSESSMENT.replace("\"tue\"", "\"someday\""))
                .post("/referrals/" + id + "/assessment").then().statusCode(400)
                .body("errors.field", hasItem("preferences.days[0]"));
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id)
                .then().body("status", equalTo("contacted"));
    }
}
