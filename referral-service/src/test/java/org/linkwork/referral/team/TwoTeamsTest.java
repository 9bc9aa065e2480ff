package org.linkwork.referral.team;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.TeamChanged;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

/**
 * Two teams, employed by two PCNs, serving different practices: team A serves practices P1 and P1b,
 * team B serves P2. What a link worker sees follows the team, never the organisation in their token,
 * and a referral sent to the wrong team can be moved to the right one.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class TwoTeamsTest {

    String suffix;
    String teamA;
    String teamB;
    String p1;
    String p1b;
    String p2;

    @BeforeEach
    void twoTeams() {
        suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        teamA = "team-a-" + suffix;
        teamB = "team-b-" + suffix;
        p1 = "P" + suffix;
        p1b = "Q" + suffix;
        p2 = "R" + suffix;
        putTeam(teamA, "PCNA" + suffix, List.of(p1, p1b), "{\"username\":\"lwa-" + suffix + "\",\"displayName\":\"Alex A\"},"
                + "{\"username\":\"gone-" + suffix + "\",\"displayName\":\"Former Member\",\"active\":false}");
        putTeam(teamB, "PCNB" + suffix, List.of(p2), "{\"username\":\"lwb-" + suffix + "\",\"displayName\":\"Bea B\"}");
    }

    private static void putTeam(String id, String organisation, List<String> practices, String members) {
        given().header("Authorization", Referrals.admin()).contentType("application/json")
                .body("{\"name\":\"Team " + id + "\",\"organisation\":\"" + organisation + "\",\"practices\":[\"" + String.join("\",\"", practices)
                        + "\"],\"members\":[" + members + "]}")
                .put("/teams/" + id).then().statusCode(201);
    }

    String lwA() {
        return TestTokens.bearer("lwa-" + suffix, "link-worker", "PCNA" + suffix);
    }

    String lwB() {
        return TestTokens.bearer("lwb-" + suffix, "link-worker", "PCNB" + suffix);
    }

    /** Left team A: keeps their history, loses access. */
    String former() {
        return TestTokens.bearer("gone-" + suffix, "link-worker", "PCNA" + suffix);
    }

    /** A link worker whose token carries the practice's code but who is in no team: the organisation gives nothing. */
    String practiceCodedLinkWorker() {
        return TestTokens.bearer("lw-stray-" + suffix, "link-worker", p1);
    }

    static String gp(String practice) {
        return TestTokens.bearer("gp-" + practice, "referrer", practice);
    }

    static String refer(String practice) {
        return given().header("Authorization", gp(practice)).contentType("application/json").body(Referrals.body(Referrals.nhsNumber()))
                .post("/referrals").then().statusCode(201).extract().path("id");
    }

    record Row(String method, String path, String body, int lwA, int lwB, int former, int stray, int gpP1, int gpP2, int admin) {
    }

    @Test
    void everyReferralEndpointFollowsTheTeamAndThePractice() {
        String id = refer(p1);
        given().header("Authorization", lwA()).get("/referrals/" + id).then().statusCode(200)
                .body("teamId", equalTo(teamA)).body("linkWorker", equalTo("lwa-" + suffix));
        List<Row> rows = List.of(
                new Row("GET", "/referrals/" + id, null, 200, 404, 404, 404, 200, 404, 200),
                new Row("GET", "/referrals/" + id + "/status", null, 200, 404, 404, 404, 200, 404, 200),
                new Row("GET", "/referrals/" + id + "/timeline", null, 200, 404, 404, 404, 200, 404, 200),
                new Row("POST", "/referrals/" + id + "/notes", "{\"text\":\"Left a voicemail\"}", 201, 404, 404, 404, 201, 404, 201),
                new Row("GET", "/referrals/" + id + "/notes", null, 200, 404, 404, 404, 200, 404, 200),
                new Row("GET", "/referrals/" + id + "/assessment", null, 200, 404, 404, 404, 403, 403, 200),
                new Row("POST", "/referrals/" + id + "/assignment", "{\"linkWorker\":\"lwa-" + suffix + "\"}", 200, 404, 404, 404, 403, 403, 200),
                new Row("POST", "/referrals/" + id + "/team", "{\"teamId\":\"" + teamA + "\",\"reasonCode\":\"wrong-practice\"}",
                        400, 404, 404, 404, 403, 403, 400),
                new Row("GET", "/teams/" + teamA, null, 200, 404, 404, 404, 403, 403, 200),
                new Row("GET", "/teams/" + teamB, null, 404, 200, 404, 404, 403, 403, 200),
                // only its own team's link worker moves it on
                new Row("POST", "/referrals/" + id + "/status", "{\"status\":\"accepted\"}", 200, 404, 404, 404, 409, 404, 409));
        List<String> wrong = new ArrayList<>();
        Map<String, String> callers = new java.util.LinkedHashMap<>();
        callers.put("lwA", lwA());
        callers.put("lwB", lwB());
        callers.put("former", former());
        callers.put("stray", practiceCodedLinkWorker());
        callers.put("gpP1", gp(p1));
        callers.put("gpP2", gp(p2));
        callers.put("admin", Referrals.admin());
        for (Row row : rows) {
            int[] expected = {row.lwA(), row.lwB(), row.former(), row.stray(), row.gpP1(), row.gpP2(), row.admin()};
            int i = 0;
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                RequestSpecification request = given().header("Authorization", caller.getValue());
                if (row.body() != null) {
                    request.contentType("application/json").body(row.body());
                }
                int status = request.request(row.method(), row.path()).then().extract().statusCode();
                if (status != expected[i]) {
                    wrong.add(row.method() + " " + row.path().replace(id, "{id}") + " as " + caller.getKey() + ": " + status + ", expected "
                            + expected[i]);
                }
                i++;
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aTeamSeesTheReferralsOfEveryPracticeItServesAndNoOthers() {
        String fromP1 = refer(p1);
        String fromP1b = refer(p1b);
        String fromP2 = refer(p2);
        List<String> teamCaseloadA = caseload(lwA());
        List<String> teamCaseloadB = caseload(lwB());
        assertThat(teamCaseloadA).contains(fromP1, fromP1b).doesNotContain(fromP2);
        assertThat(teamCaseloadB).contains(fromP2).doesNotContain(fromP1, fromP1b);
        assertThat(caseload(former())).doesNotContain(fromP1, fromP1b, fromP2);
        given().header("Authorization", lwA()).contentType("application/json").body("{\"status\":\"accepted\"}")
                .post("/referrals/" + fromP1b + "/status").then().statusCode(200).body("status", equalTo("accepted"));
    }

    private static List<String> caseload(String token) {
        return given().header("Authorization", token).queryParam("scope", "team").queryParam("size", 100).get("/caseload").then()
                .statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    @Test
    void aReferralSentToTheWrongTeamMovesWithItsReasonAndTheOldTeamLosesIt() {
        String id = refer(p1b);
        given().header("Authorization", lwA()).contentType("application/json")
                .body("{\"teamId\":\"" + teamB + "\",\"reasonCode\":\"wrong-practice\",\"note\":\"Registered with the practice in team B's area\"}")
                .post("/referrals/" + id + "/team").then().statusCode(200)
                .body("teamId", equalTo(teamB)).body("linkWorker", equalTo("lwb-" + suffix));

        given().header("Authorization", lwA()).get("/referrals/" + id).then().statusCode(404);
        JsonPath timeline = given().header("Authorization", lwB()).get("/referrals/" + id + "/timeline").then().statusCode(200)
                .extract().jsonPath();
        assertThat(timeline.getList("summary", String.class))
                .anySatisfy(s -> assertThat(s).contains("Moved from team " + teamA + " to team " + teamB, "wrong-practice",
                        "Registered with the practice"));
        assertThat(caseload(lwB())).contains(id);
        assertThat(caseload(lwA())).doesNotContain(id);
        // the practice still sees where its referral is
        given().header("Authorization", gp(p1b)).get("/referrals/" + id).then().statusCode(200).body("teamId", equalTo(teamB));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("referral-assigned"),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains(teamB)), Duration.ofSeconds(30));
        ReferralAssigned moved = records.stream().filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value(), ReferralAssigned.class))
                .filter(ReferralAssigned::movedTeam).findFirst().orElseThrow();
        assertThat(moved.teamId()).isEqualTo(teamB);
        assertThat(moved.previousTeamId()).isEqualTo(teamA);
        assertThat(moved.previousLinkWorker()).isEqualTo("lwa-" + suffix);
        assertThat(moved.linkWorker()).isEqualTo("lwb-" + suffix);
        assertThat(moved.assignedBy()).isEqualTo("lwa-" + suffix);
        assertThat(moved.moveReasonCode()).isEqualTo("wrong-practice");
        // the note is for the receiving team, never for the event stream
        assertThat(records.stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value)).noneMatch(v -> v.contains("Registered"));
    }

    @Test
    void aMoveThatCannotHappenIsRefusedAndChangesNothing() {
        String id = refer(p1);
        String empty = "team-c-" + suffix;
        putTeam(empty, "PCNC" + suffix, List.of("S" + suffix), "{\"username\":\"away-" + suffix + "\",\"displayName\":\"On Leave\",\"active\":false}");

        move(id, "{\"teamId\":\"" + teamB + "\",\"reasonCode\":\"moon-phase\"}").statusCode(400).body("errors.field", hasItem("reasonCode"));
        move(id, "{\"teamId\":\"no-such-" + suffix + "\",\"reasonCode\":\"wrong-area\"}").statusCode(400).body("errors.field", hasItem("teamId"));
        move(id, "{\"reasonCode\":\"wrong-area\"}").statusCode(400).body("errors.field", hasItem("teamId"));
        move(id, "{\"teamId\":\"" + teamA + "\",\"reasonCode\":\"wrong-area\"}").statusCode(400).body("errors.field", hasItem("teamId"));
        move(id, "{\"teamId\":\"" + empty + "\",\"reasonCode\":\"team-capacity\"}").statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:team-unavailable"));

        given().header("Authorization", lwA()).get("/referrals/" + id).then().statusCode(200)
                .body("teamId", equalTo(teamA)).body("linkWorker", equalTo("lwa-" + suffix));
        assertThat(given().header("Authorization", lwA()).get("/referrals/" + id + "/timeline").then().extract().jsonPath()
                .getList("kind", String.class)).doesNotContain("moved");

        // a closed referral stays where it closed
        given().header("Authorization", lwA()).contentType("application/json").body("{\"status\":\"rejected\",\"reasonCode\":\"not-appropriate\"}")
                .post("/referrals/" + id + "/status").then().statusCode(200);
        move(id, "{\"teamId\":\"" + teamB + "\",\"reasonCode\":\"wrong-area\"}").statusCode(409)
                .body("type", equalTo("urn:linkwork:problem:referral-closed"));
        given().header("Authorization", lwA()).get("/referrals/" + id).then().statusCode(200).body("teamId", equalTo(teamA));
    }

    private io.restassured.response.ValidatableResponse move(String id, String body) {
        return given().header("Authorization", lwA()).contentType("application/json").body(body).post("/referrals/" + id + "/team").then();
    }

    @Test
    void everyChangeToATeamIsPublishedAsItsWholeSnapshot() {
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("team-changed"),
                seen -> seen.stream().anyMatch(r -> teamA.equals(r.key())), Duration.ofSeconds(30));
        TeamChanged team = records.stream().filter(r -> teamA.equals(r.key())).map(r -> EventJson.read(r.value(), TeamChanged.class))
                .reduce((first, second) -> second).orElseThrow();
        assertThat(team.organisation()).isEqualTo("PCNA" + suffix);
        assertThat(team.practices()).containsExactly(p1, p1b);
        assertThat(team.members()).containsExactlyInAnyOrder(new TeamChanged.Member("gone-" + suffix, false),
                new TeamChanged.Member("lwa-" + suffix, true));
        assertThat(team.hasActiveMember("gone-" + suffix)).isFalse();
    }
}
