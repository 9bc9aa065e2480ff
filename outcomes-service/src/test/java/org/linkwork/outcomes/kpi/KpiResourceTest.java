package org.linkwork.outcomes.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.Teams;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class KpiResourceTest {

    private static final List<String> EVERY_STATUS = List.of("received", "accepted", "contacted", "assessed", "matched",
            "in-activity", "completed", "closed", "declined", "rejected", "unable-to-contact", "withdrawn");

    @Test
    void everyStatusIsListedInLifecycleOrderWithZerosIncluded() throws Exception {
        String nobodysPractice = newPractice();
        String body = given().header("Authorization", Kpis.analyst()).queryParam("practice", nobodysPractice).get("/kpis")
                .then().statusCode(200).contentType("application/json")
                .body("total", equalTo(0))
                .extract().asString();
        // read with Jackson, which keeps the order of the object's fields
        JsonNode report = new ObjectMapper().readTree(body);
        List<String> statuses = new ArrayList<>();
        report.get("referralsByStatus").fieldNames().forEachRemaining(statuses::add);
        assertThat(statuses).containsExactlyElementsOf(EVERY_STATUS);
        report.get("referralsByStatus").forEach(n -> assertThat(n.asInt()).isZero());
        assertThat(Instant.parse(report.get("generatedAt").asText())).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void analystsAndAdminsReadTheKpisAndLinkWorkersTheirTeams() {
        given().get("/kpis").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not-a-token").get("/kpis").then().statusCode(401);
        // a link worker in no team: their teams' referrals are none (TeamMatrixTest has teams)
        given().header("Authorization", Teams.linkWorker(Teams.newLinkWorker())).get("/kpis")
                .then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", TestTokens.bearer("someone", "citizen", "Y90001")).get("/kpis")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:forbidden"));
        // the role is refused before the parameters are looked at
        given().header("Authorization", TestTokens.bearer("someone", "citizen", "Y90001")).queryParam("from", "soon")
                .get("/kpis").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("analyst.demo", "analyst", "linkwork-analytics")).get("/kpis")
                .then().statusCode(200);
        given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).get("/kpis")
                .then().statusCode(200);
    }

    @Test
    void thePracticeFilterCountsOnlyThatPracticesReferrals() {
        String practice = newPractice();
        String other = newPractice();
        int before = Kpis.total();
        Instant t = Instant.now();
        String first = newReferralId();
        TopicProbe.publish(created(first, practice, t));
        TopicProbe.publish(moved(first, practice, "received", "accepted", t.plusSeconds(60)));
        TopicProbe.publish(created(newReferralId(), practice, t));
        TopicProbe.publish(created(newReferralId(), other, t));

        Kpis.awaitPractice(practice, Map.of("received", 1, "accepted", 1));
        Kpis.awaitPractice(other, Map.of("received", 1));
        // ODS codes are upper case; a lower-case filter means the same practice
        assertThat(Kpis.total("practice", practice.toLowerCase(Locale.ROOT))).isEqualTo(2);
        assertThat(Kpis.total() - before).isEqualTo(3);
    }

    @Test
    void fromAndToAreDaysOfReceiptInTheUkCalendarBothIncluded() {
        String practice = newPractice();
        TopicProbe.publish(created(newReferralId(), practice, Instant.parse("2025-03-10T10:00:00Z")));
        // 23:30 UTC in June is 00:30 the next day in London
        TopicProbe.publish(created(newReferralId(), practice, Instant.parse("2025-06-15T23:30:00Z")));
        // known only from a status change: no day of receipt yet
        TopicProbe.publish(moved(newReferralId(), practice, "received", "accepted", Instant.parse("2025-06-01T09:00:00Z")));
        Kpis.awaitPractice(practice, Map.of("received", 2, "accepted", 1));

        assertThat(Kpis.total("practice", practice, "from", "2025-03-10", "to", "2025-03-10")).isEqualTo(1);
        assertThat(Kpis.total("practice", practice, "from", "2025-03-11", "to", "2025-06-15")).isZero();
        assertThat(Kpis.total("practice", practice, "from", "2025-06-16", "to", "2025-06-16")).isEqualTo(1);
        assertThat(Kpis.total("practice", practice, "to", "2025-06-15")).isEqualTo(1);
        assertThat(Kpis.total("practice", practice, "from", "2025-06-16")).isEqualTo(1);
        assertThat(Kpis.total("practice", practice, "from", "2025-01-01", "to", "2025-12-31")).isEqualTo(2);
    }

    private static ValidatableResponse badRequest(String... query) {
        var request = given().header("Authorization", Kpis.analyst());
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/kpis").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:validation-failed"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    @Test
    void anEmptyParameterFiltersNothing() {
        int all = Kpis.total();
        // as an emptied form field would send them
        given().header("Authorization", Kpis.analyst()).urlEncodingEnabled(false).get("/kpis?practice=&from=&to=")
                .then().statusCode(200).body("total", equalTo(all));
    }

    @Test
    void badParametersAreNamed() {
        for (String practice : List.of("Y9", "Y90001X12345", "Y90-01", "Y9000 1", "Y9'--")) {
            badRequest("practice", practice).body("errors.field", equalTo(List.of("practice")));
        }
        badRequest("from", "2025-13-01").body("errors.field", equalTo(List.of("from")));
        badRequest("from", "last week").body("errors.field", equalTo(List.of("from")));
        badRequest("to", "2025-02-30").body("errors.field", equalTo(List.of("to")));
        badRequest("to", "2025-06-01T00:00:00Z").body("errors.field", equalTo(List.of("to")));
        badRequest("from", "2025-06-02", "to", "2025-06-01").body("errors.field", equalTo(List.of("from")))
                .body("detail", containsString("after"));
        badRequest("practice", "?", "from", "x", "to", "y").body("errors.field", containsInAnyOrder("practice", "from", "to"));
        for (String team : List.of("-north", "leeds north", "leeds_north", "x".repeat(51), "t'--")) {
            badRequest("team", team).body("errors.field", equalTo(List.of("team")));
        }
    }
}
