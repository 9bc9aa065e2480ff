package org.linkwork.referral.caseload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class CaseloadTest {

    static final String CASE_TEAM = "caseload-team";
    static final String CASE_PRACTICE = "Y90055";

    static String lw(String name) {
        return TestTokens.bearer(name, "link-worker", "pcn-55");
    }

    static String refer() {
        return given().header("Authorization", TestTokens.bearer("gp.55", "referrer", CASE_PRACTICE)).contentType("application/json")
                .body(Referrals.body(Referrals.nhsNumber())).post("/referrals").then().statusCode(201).extract().path("id");
    }

    static void makeOverdue(String id) {
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update referral set first_contact_due = ?1 where id = ?2")
                .setParameter(1, Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS))).setParameter(2, UUID.fromString(id))
                .executeUpdate());
    }

    @Test
    void linkWorkersSeeTheirOwnAndTheirTeamsWithFiltersAndWhatToDoNext() {
        given().header("Authorization", Referrals.admin()).contentType("application/json")
                .body("""
                        {"name":"Caseload team","practices":["%s"],
                         "members":[{"username":"lw.ann","displayName":"Ann Worker"},{"username":"lw.bob","displayName":"Bob Worker"}]}"""
                        .formatted(CASE_PRACTICE))
                .put("/teams/" + CASE_TEAM).then().statusCode(201);
        String a = refer(); // lw.ann
        String b = refer(); // lw.bob
        String c = refer(); // lw.ann
        makeOverdue(c);
        given().header("Authorization", lw("lw.ann")).contentType("application/json").body("{\"status\":\"accepted\"}")
                .post("/referrals/" + a + "/status").then().statusCode(200);

        JsonPath mine = given().header("Authorization", lw("lw.ann")).get("/caseload").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getList("items.id", String.class)).containsExactly(c, a); // overdue first
        assertThat(mine.getBoolean("items[0].overdue")).isTrue();
        assertThat(mine.getString("items[0].nextAction")).isEqualTo("Accept or reject the referral (first contact overdue)");
        assertThat(mine.getString("items[1].nextAction")).isEqualTo("Make first contact");
        assertThat(mine.getString("items[1].name")).isEqualTo("Ann Example");

        JsonPath team = given().header("Authorization", lw("lw.ann")).queryParam("scope", "team").get("/caseload").then().statusCode(200)
                .extract().jsonPath();
        assertThat(team.getList("items.id", String.class)).containsExactlyInAnyOrder(a, b, c);
        assertThat(team.getInt("total")).isEqualTo(3);

        assertThat(given().header("Authorization", lw("lw.ann")).queryParam("scope", "team").queryParam("status", "accepted")
                .get("/caseload").then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).containsExactly(a);
        assertThat(given().header("Authorization", lw("lw.ann")).queryParam("scope", "team").queryParam("overdue", "true")
                .get("/caseload").then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).containsExactly(c);
        assertThat(given().header("Authorization", lw("lw.ann")).queryParam("scope", "team").queryParam("practice", "Y90099")
                .get("/caseload").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        // someone outside the team sees none of it
        assertThat(given().header("Authorization", lw("lw.outsider")).queryParam("scope", "team")
                .get("/caseload").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        given().header("Authorization", lw("lw.outsider")).get("/referrals/" + a).then().statusCode(404);
        // the practice sees its referrals; another practice does not
        assertThat(given().header("Authorization", TestTokens.bearer("gp.55", "referrer", CASE_PRACTICE)).get("/caseload")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).contains(a, b, c);
        assertThat(given().header("Authorization", Referrals.gp()).get("/caseload")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).doesNotContain(a, b, c);
    }

    @Test
    void badFiltersNameTheParameter() {
        given().header("Authorization", Referrals.linkWorker()).queryParam("status", "paused").get("/caseload")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().header("Authorization", Referrals.linkWorker()).queryParam("overdue", "maybe").get("/caseload")
                .then().statusCode(400).body("errors.field", hasItem("overdue"));
        given().header("Authorization", Referrals.linkWorker()).queryParam("scope", "everyone").get("/caseload")
                .then().statusCode(400).body("errors.field", hasItem("scope"));
        given().header("Authorization", Referrals.linkWorker()).queryParam("size", "1000").get("/caseload")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void aLinkWorkerReassignsWithinTheTeamOnly() {
        String id = Referrals.create();
        given().header("Authorization", Referrals.admin()).contentType("application/json")
                .body("""
                        {"name":"Leeds North link workers","practices":["%s"],"areas":["LS6"],
                         "members":[{"username":"lw.demo","displayName":"Lee Demo"},{"username":"lw.cover","displayName":"Cat Cover"}]}"""
                        .formatted(Referrals.PRACTICE))
                .put("/teams/" + Referrals.TEAM).then().statusCode(200);
        try {
            given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body("{\"linkWorker\":\"lw.cover\"}")
                    .post("/referrals/" + id + "/assignment").then().statusCode(200).body("linkWorker", equalTo("lw.cover"));
            given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body("{\"linkWorker\":\"lw.stranger\"}")
                    .post("/referrals/" + id + "/assignment").then().statusCode(400).body("errors.field", hasItem("linkWorker"));
            given().header("Authorization", Referrals.gp()).contentType("application/json").body("{\"linkWorker\":\"lw.demo\"}")
                    .post("/referrals/" + id + "/assignment").then().statusCode(403);
            given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id + "/timeline").then().statusCode(200)
                    .body("summary", hasItem("Assigned to Cat Cover (was lw.demo)"));
        } finally {
            given().header("Authorization", Referrals.admin()).contentType("application/json")
                    .body("""
                            {"name":"Leeds North link workers","practices":["%s"],"areas":["LS6"],
                             "members":[{"username":"lw.demo","displayName":"Lee Demo"}]}""".formatted(Referrals.PRACTICE))
                    .put("/teams/" + Referrals.TEAM).then().statusCode(200);
        }
    }

    @Test
    void notesStayWithTheCareTeam() {
        String id = Referrals.create();
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body("{\"text\":\"Prefers calls after 2pm; daughter helps with forms\"}").post("/referrals/" + id + "/notes")
                .then().statusCode(201).body("author", equalTo("lw.demo"));
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id + "/notes").then().statusCode(200)
                .body("text", equalTo(List.of("Prefers calls after 2pm; daughter helps with forms")));
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body("{\"text\":\"  \"}")
                .post("/referrals/" + id + "/notes").then().statusCode(400).body("errors.field", hasItem("text"));
        given().header("Authorization", TestTokens.bearer("gp.other", "referrer", Referrals.OTHER_PRACTICE))
                .get("/referrals/" + id + "/notes").then().statusCode(404);
        // encrypted at rest
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) Panache.getEntityManager()
                .createNativeQuery("select text from note where referral_id = ?1").setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(stored).startsWith("v1:").doesNotContain("daughter");
    }
}
