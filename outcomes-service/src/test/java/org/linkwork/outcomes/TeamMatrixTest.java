package org.linkwork.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/**
 * Two teams and two practices: team A serves P1, team B serves P2. A link worker's access is their
 * active membership of the referral's team, published on team-changed; their token's org_id is their
 * employer and plays no part. Measures and KPIs, caller by caller.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class TeamMatrixTest {

    private static final String P1 = newPractice();
    private static final String P2 = newPractice();
    private static final String TEAM_A = Teams.newTeam();
    private static final String TEAM_B = Teams.newTeam();
    private static final String LW_A = Teams.newLinkWorker();
    private static final String LW_B = Teams.newLinkWorker();
    /** Was in team A: inactive members keep their history but see nothing. */
    private static final String LW_GONE = Teams.newLinkWorker();
    private static final String A1 = newReferralId();
    private static final String A2 = newReferralId();
    private static final String B1 = newReferralId();
    /** Known only from events written before teams were carried. */
    private static final String UNKNOWN_TEAM = newReferralId();

    private static final String ADMIN = TestTokens.bearer("admin.test", "admin", null);
    private static final String ANALYST = TestTokens.bearer("analyst.test", "analyst", null);

    private static Map<String, String> callers() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("member of A", Teams.linkWorker(LW_A));
        tokens.put("member of B", Teams.linkWorker(LW_B));
        tokens.put("inactive in A", Teams.linkWorker(LW_GONE));
        tokens.put("referrer of P1", TestTokens.bearer("gp.test", "referrer", P1));
        tokens.put("analyst", ANALYST);
        tokens.put("admin", ADMIN);
        return tokens;
    }

    private static boolean published;

    /** Once for the class, inside the first test (RestAssured knows the test port by then). */
    private static synchronized void twoTeamsServeTwoPractices() {
        if (published) {
            return;
        }
        Teams.publish(TEAM_A, List.of(P1), Teams.active(LW_A), Teams.inactive(LW_GONE));
        Teams.publish(TEAM_B, List.of(P2), Teams.active(LW_B));
        Teams.awaitMember(TEAM_A, LW_A);
        Teams.awaitMember(TEAM_B, LW_B);
        Instant t = Instant.now();
        TopicProbe.publish(created(A1, P1, t, TEAM_A));
        TopicProbe.publish(moved(A1, P1, "received", "accepted", t.plusSeconds(60), TEAM_A));
        TopicProbe.publish(created(A2, P1, t, TEAM_A));
        TopicProbe.publish(created(B1, P2, t, TEAM_B));
        TopicProbe.publish(created(UNKNOWN_TEAM, P1, t));
        Kpis.awaitPractice(P1, Map.of("received", 2, "accepted", 1));
        Kpis.awaitPractice(P2, Map.of("received", 1));
        Kpis.awaitCounts(Map.of("received", 1, "accepted", 1), "team", TEAM_A);
        published = true;
    }

    @Test
    void membersOfTheReferralsTeamRecordAndReadItsMeasuresAndNobodyElse() {
        twoTeamsServeTwoPractices();
        Map<String, String> referrals = new LinkedHashMap<>();
        referrals.put("A's", A1);
        referrals.put("B's", B1);
        referrals.put("no team's", UNKNOWN_TEAM);
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        Map<String, Map<String, int[]>> want = Map.of(
                // POST, then GET, for A's, B's and the no-team referral
                "member of A", Map.of("A's", new int[] {201, 200}, "B's", new int[] {404, 404}, "no team's", new int[] {404, 404}),
                "member of B", Map.of("A's", new int[] {404, 404}, "B's", new int[] {201, 200}, "no team's", new int[] {404, 404}),
                "inactive in A", Map.of("A's", new int[] {404, 404}, "B's", new int[] {404, 404}, "no team's", new int[] {404, 404}),
                "referrer of P1", Map.of("A's", new int[] {403, 403}, "B's", new int[] {403, 403}, "no team's", new int[] {403, 403}),
                "analyst", Map.of("A's", new int[] {403, 403}, "B's", new int[] {403, 403}, "no team's", new int[] {403, 403}),
                // an admin reads everything, the no-team referral too, but records nothing
                "admin", Map.of("A's", new int[] {403, 200}, "B's", new int[] {403, 200}, "no team's", new int[] {403, 200}));
        callers().forEach((caller, token) -> referrals.forEach((which, id) -> {
            String cell = caller + " on " + which + " referral";
            actual.put("POST " + cell, given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(Map.of("referralId", id, "instrument", "goals", "timepoint", "baseline", "answers", Map.of("goal-1", 5)))
                    .post("/measures").then().extract().statusCode());
            actual.put("GET " + cell, given().header("Authorization", token).get("/referrals/" + id + "/wellbeing")
                    .then().extract().statusCode());
            expected.put("POST " + cell, want.get(caller).get(which)[0]);
            expected.put("GET " + cell, want.get(caller).get(which)[1]);
        }));
        assertThat(actual).isEqualTo(expected);
        // what A's member recorded is on A's referral, and only there
        given().header("Authorization", ADMIN).get("/referrals/" + A1 + "/wellbeing").then().body("measures.recordedBy", equalTo(List.of(LW_A)));
        given().header("Authorization", ADMIN).get("/referrals/" + B1 + "/wellbeing").then().body("measures.recordedBy", equalTo(List.of(LW_B)));
        given().header("Authorization", ADMIN).get("/referrals/" + UNKNOWN_TEAM + "/wellbeing").then().body("measures", equalTo(List.of()));
    }

    private record Answer(int status, Integer total) {
    }

    private static Answer kpis(String token, String... query) {
        RequestSpecification request = given().header("Authorization", token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        ExtractableResponse<Response> response = request.get("/kpis").then().extract();
        return new Answer(response.statusCode(), response.statusCode() == 200 ? response.jsonPath().getInt("total") : null);
    }

    @Test
    void linkWorkersReadTheKpisOfTheirTeamsAndAnalystsAndAdminsOfAnyTeam() {
        twoTeamsServeTwoPractices();
        Map<String, Answer> expected = new LinkedHashMap<>();
        Map<String, Answer> actual = new LinkedHashMap<>();
        Map<String, String> tokens = callers();
        String[][] queries = {{}, {"team", TEAM_A}, {"team", TEAM_B}};
        Map<String, Answer[]> want = Map.of(
                // no filter, then team A, then team B
                "member of A", new Answer[] {new Answer(200, 2), new Answer(200, 2), new Answer(404, null)},
                "member of B", new Answer[] {new Answer(200, 1), new Answer(404, null), new Answer(200, 1)},
                "inactive in A", new Answer[] {new Answer(200, 0), new Answer(404, null), new Answer(404, null)},
                // a referrer keeps their practice's slice: the team filter narrows within it
                "referrer of P1", new Answer[] {new Answer(200, 3), new Answer(200, 2), new Answer(200, 0)},
                "analyst", new Answer[] {null, new Answer(200, 2), new Answer(200, 1)},
                "admin", new Answer[] {null, new Answer(200, 2), new Answer(200, 1)});
        tokens.forEach((caller, token) -> {
            for (int q = 0; q < queries.length; q++) {
                if (want.get(caller)[q] == null) {
                    continue; // every team's referrals, other tests' too
                }
                String cell = caller + " asking " + (queries[q].length == 0 ? "no team" : queries[q][1].equals(TEAM_A) ? "team A" : "team B");
                actual.put(cell, kpis(token, queries[q]));
                expected.put(cell, want.get(caller)[q]);
            }
        });
        assertThat(actual).isEqualTo(expected);

        // only that team's counts: by status, and in the table of referrals by team
        JsonPath mine = given().header("Authorization", Teams.linkWorker(LW_A)).queryParam("team", TEAM_A).get("/kpis")
                .then().statusCode(200).extract().jsonPath();
        assertThat(mine.getMap("referralsByStatus")).containsEntry("received", 1).containsEntry("accepted", 1);
        assertThat(mine.getList("tables.find { it.name == 'referralsByTeam' }.rows.key")).containsExactly(TEAM_A);
        assertThat(mine.getInt("tables.find { it.name == 'referralsByTeam' }.total")).isEqualTo(2);
        assertThat(mine.getString("filter.team")).isEqualTo(TEAM_A);
        // an analyst's table has every team, each with its own count
        JsonPath all = given().header("Authorization", ANALYST).get("/kpis").then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("tables.find { it.name == 'referralsByTeam' }.rows.find { it.key == '" + TEAM_A + "' }.value")).isEqualTo(2);
        assertThat(all.getInt("tables.find { it.name == 'referralsByTeam' }.rows.find { it.key == '" + TEAM_B + "' }.value")).isEqualTo(1);
        assertThat(kpis(ANALYST, "team", TEAM_A, "practice", P2)).isEqualTo(new Answer(200, 0));

        // the export is the same slice, and the same 404
        String csv = given().header("Authorization", Teams.linkWorker(LW_A)).queryParam("format", "csv").get("/kpis/export")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("referralsByTeam," + TEAM_A + ",2,false").contains("referralsByStatus,total,2,false").doesNotContain(TEAM_B);
        given().header("Authorization", Teams.linkWorker(LW_A)).queryParam("team", TEAM_B).queryParam("format", "json").get("/kpis/export")
                .then().statusCode(404).body("type", equalTo("urn:linkwork:problem:not-found"));
        // a malformed team is a 400 naming it, before membership is looked at
        given().header("Authorization", Teams.linkWorker(LW_A)).queryParam("team", "Team A!").get("/kpis").then().statusCode(400)
                .body("errors.field", equalTo(List.of("team")));
    }

    @Test
    void aMemberMadeInactiveLosesAccessAndOneMadeActiveGainsIt() {
        String team = Teams.newTeam();
        String stays = Teams.newLinkWorker();
        String leaves = Teams.newLinkWorker();
        String practice = newPractice();
        Teams.publish(team, List.of(practice), Teams.active(stays), Teams.active(leaves));
        Teams.awaitMember(team, leaves);
        String id = newReferralId();
        TopicProbe.publish(created(id, practice, Instant.now(), team));
        Awaitility.await().atMost(Kpis.PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", Teams.linkWorker(leaves)).get("/referrals/" + id + "/wellbeing").then().statusCode(200));

        // the next snapshot replaces the members: one made inactive, one gone, one new
        String joins = Teams.newLinkWorker();
        Teams.publish(team, List.of(practice), Teams.inactive(leaves), Teams.active(joins));
        Teams.awaitMember(team, joins);
        given().header("Authorization", Teams.linkWorker(leaves)).get("/referrals/" + id + "/wellbeing").then().statusCode(404);
        given().header("Authorization", Teams.linkWorker(stays)).get("/referrals/" + id + "/wellbeing").then().statusCode(404);
        given().header("Authorization", Teams.linkWorker(joins)).get("/referrals/" + id + "/wellbeing").then().statusCode(200);
        assertThat(Teams.kpiStatus(team, leaves)).isEqualTo(404);
        assertThat(Teams.kpiStatus(team, stays)).isEqualTo(404);
    }
}
