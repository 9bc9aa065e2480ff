package org.linkwork.referral.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralCreated;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ReferralIntakeTest {

    @Test
    void aReferrerRefersAPersonAndTheCareTeamSeesIt() {
        Referrals.ensureTeam();
        String nhs = Referrals.nhsNumber();
        String id = given().header("Authorization", Referrals.gp()).contentType("application/json").body(Referrals.body(nhs))
                .post("/referrals")
                .then().statusCode(201)
                .body("status", equalTo("received"))
                .body("referrerOrganization", equalTo(Referrals.PRACTICE))
                .body("person.postcode", equalTo("LS6 2AA"))
                .extract().path("id");

        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("person.nhsNumber", equalTo(nhs))
                .body("needs", equalTo(List.of("loneliness", "physical-activity")));
    }

    @Test
    void theLocationHeaderNamesTheNewReferral() {
        var response = given().header("Authorization", Referrals.gp()).contentType("application/json")
                .body(Referrals.body(Referrals.nhsNumber())).post("/referrals").then().statusCode(201).extract();
        assertThat(response.header("Location")).endsWith("/referrals/" + response.path("id"));
    }

    @Test
    void theReferralCreatedEventIsAnalyticsSafe() {
        String nhs = Referrals.nhsNumber();
        String id = given().header("Authorization", Referrals.gp()).contentType("application/json").body(Referrals.body(nhs))
                .post("/referrals").then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("referral-created"),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(20));
        ConsumerRecord<String, String> record = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();

        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("linkwork.referral.created.v1");
        assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/linkwork/referral-service");
        assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(id);
        assertThat(TopicProbe.header(record, "ce_id")).isNotBlank();
        assertThat(record.value()).doesNotContain(nhs, "Ann", "Example", "LS6 2AA", "1950-03-02", "07700", "ann@example.org", "husband");
        ReferralCreated event = EventJson.read(record.value(), ReferralCreated.class);
        assertThat(event.personRef()).startsWith("p-");
        assertThat(event.postcodeDistrict()).isEqualTo("LS6");
        assertThat(event.ageBand()).isEqualTo("75+");
        assertThat(event.needs()).containsExactly("loneliness", "physical-activity");
        assertThat(event.referrerOrganization()).isEqualTo(Referrals.PRACTICE);
    }

    @Test
    void aSecondOpenReferralIsRefusedNamingTheFirstUnlessOverridden() {
        String nhs = Referrals.nhsNumber();
        String first = given().header("Authorization", Referrals.gp()).contentType("application/json").body(Referrals.body(nhs))
                .post("/referrals").then().statusCode(201).extract().path("id");
        given().header("Authorization", Referrals.gp()).contentType("application/json").body(Referrals.body(nhs))
                .post("/referrals").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:duplicate-referral"))
                .body("existingReferralId", equalTo(first));
        // another practice is told there is one, but not which
        given().header("Authorization", TestTokens.bearer("gp.other", "referrer", Referrals.OTHER_PRACTICE)).contentType("application/json")
                .body(Referrals.body(nhs)).post("/referrals").then().statusCode(409)
                .body("existingReferralId", org.hamcrest.Matchers.nullValue());
        String overridden = Referrals.body(nhs).replaceFirst("\\}$", ",\"duplicateOverride\":{\"reason\":\"New bereavement since the first\"}}");
        var again = given().header("Authorization", Referrals.gp()).contentType("application/json").body(overridden)
                .post("/referrals").then().statusCode(201).body("duplicateOverrideReason", equalTo("New bereavement since the first")).extract();
        // the care team reads why it was sent anyway; a referral sent without an override carries none
        given().header("Authorization", Referrals.gp()).get("/referrals/" + again.<String>path("id")).then()
                .body("duplicateOverrideReason", equalTo("New bereavement since the first"));
        given().header("Authorization", Referrals.gp()).get("/referrals/" + first).then()
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("duplicateOverrideReason")));
        assertThat(again.<String>path("personRef")).isEqualTo(given().header("Authorization", Referrals.gp()).get("/referrals/" + first)
                .then().extract().path("personRef"));
        given().header("Authorization", Referrals.gp()).contentType("application/json")
                .body(Referrals.body(nhs).replaceFirst("\\}$", ",\"duplicateOverride\":{\"reason\":\"\"}}"))
                .post("/referrals").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("duplicateOverride.reason"));
    }

    @Test
    void onlyReferrersWithAnOrganisationMayRefer() {
        String body = Referrals.body(Referrals.nhsNumber());
        given().contentType("application/json").body(body).post("/referrals")
                .then().statusCode(401).contentType("application/problem+json");
        for (String role : List.of("link-worker", "provider", "analyst", "admin")) {
            given().header("Authorization", TestTokens.bearer("someone", role, Referrals.PRACTICE))
                    .contentType("application/json").body(body).post("/referrals")
                    .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:forbidden"));
        }
        given().header("Authorization", TestTokens.bearer("gp.noorg", "referrer", null))
                .contentType("application/json").body(body).post("/referrals")
                .then().statusCode(403).body("type", equalTo("urn:linkwork:problem:no-organisation"));
    }

    @Test
    void aNewReferralGoesToTheLeastLoadedLinkWorkerOfThePractisesTeam() {
        given().header("Authorization", Referrals.admin()).contentType("application/json")
                .body("""
                        {"name":"Balance test","practices":["Y90077"],
                         "members":[{"username":"lw.busy","displayName":"Bea Busy"},{"username":"lw.free","displayName":"Fay Free"}]}""")
                .put("/teams/balance").then().statusCode(201);
        String gp77 = TestTokens.bearer("gp.77", "referrer", "Y90077");
        List<String> assigned = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assigned.add(given().header("Authorization", gp77).contentType("application/json").body(Referrals.body(Referrals.nhsNumber()))
                    .post("/referrals").then().statusCode(201).extract().path("linkWorker"));
        }
        // equal loads go alphabetically, then to whoever has fewer
        assertThat(assigned).containsExactly("lw.busy", "lw.free", "lw.busy", "lw.free");
        given().header("Authorization", Referrals.admin()).get("/teams/balance").then().statusCode(200)
                .body("members.openReferrals", equalTo(List.of(2, 2)));
    }

    @Test
    void referralsArrivingTogetherAreAllTakenAndSharedEvenly() throws Exception {
        given().header("Authorization", Referrals.admin()).contentType("application/json")
                .body("""
                        {"name":"Busy Monday","practices":["Y90088"],
                         "members":[{"username":"lw.one","displayName":"One"},{"username":"lw.two","displayName":"Two"},
                                    {"username":"lw.three","displayName":"Three"}]}""")
                .put("/teams/busy-monday").then().statusCode(201);
        String gp88 = TestTokens.bearer("gp.88", "referrer", "Y90088");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> given().header("Authorization", gp88).contentType("application/json")
                        .body(Referrals.body(Referrals.nhsNumber())).post("/referrals").then().extract().statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(given().header("Authorization", Referrals.admin()).get("/teams/busy-monday").then().statusCode(200)
                .extract().jsonPath().getList("members.openReferrals", Integer.class)).containsExactly(8, 8, 8);
    }

    @Test
    void anotherOrganisationsReferralDoesNotExistForYou() {
        String id = Referrals.create();
        given().header("Authorization", TestTokens.bearer("gp.other", "referrer", Referrals.OTHER_PRACTICE))
                .get("/referrals/" + id).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer("lw.other", "link-worker", Referrals.OTHER_PRACTICE))
                .get("/referrals/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null))
                .get("/referrals/" + id).then().statusCode(200);
        for (String role : List.of("provider", "analyst")) {
            given().header("Authorization", TestTokens.bearer("someone", role, Referrals.PRACTICE))
                    .get("/referrals/" + id).then().statusCode(403);
        }
        given().get("/referrals/" + id).then().statusCode(401);
    }
}
