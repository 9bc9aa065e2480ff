package org.linkwork.outcomes.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.linkwork.outcomes.journey.JourneyEvents.DAY;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.Lifecycle;
import org.linkwork.outcomes.journey.JourneyEvents;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class EvaluationExtractTest {

    @Test
    void analystsGetOnePseudonymousRowPerReferralWithBandsTimesAndScores() {
        String practice = Lifecycle.newPractice();
        String id = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2025-10-01T08:00:00Z");
        JourneyEvents.fullJourney(id, practice, t0, DAY.multipliedBy(2), DAY.multipliedBy(9), 24.11).forEach(TopicProbe::publish);
        Kpis.awaitPractice(practice, Map.of("closed", 1));

        Map<String, String> cells = Kpis.awaitJourneys(practice, 1, 1).get(0);
        assertThat(cells).containsEntry("personRef", JourneyEvents.personRef(id)).containsEntry("referralId", id)
                .containsEntry("ageBand", "65-74").containsEntry("sex", "female").containsEntry("ethnicityGroup", "asian")
                .containsEntry("deprivationDecile", "2").containsEntry("receivedAt", "2025-10-01T08:00:00Z")
                .containsEntry("firstContactAt", "2025-10-03T08:00:00Z").containsEntry("activityStartedAt", "2025-10-10T08:00:00Z")
                .containsEntry("swemwbs.metric.baseline", "19.25").containsEntry("swemwbs.metric.follow-up", "24.11")
                .containsEntry("assessedAt", "2025-10-03T09:00:00Z").containsEntry("firstProposedAt", "2025-10-03T10:00:00Z")
                .containsEntry("activityCompletedAt", "2025-11-21T08:00:00Z").containsEntry("ucla3.total.baseline", "");
        assertThat(cells.keySet()).doesNotContain("name", "nhsNumber", "postcode", "dateOfBirth");

        JsonPath json = given().header("Authorization", Kpis.analyst()).queryParam("practice", practice).queryParam("format", "json")
                .get("/evaluation/extract").then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(json.getList("personRef")).containsExactly(JourneyEvents.personRef(id));
        assertThat(json.getDouble("[0].scores.'swemwbs.metric.follow-up'")).isEqualTo(24.11);
        given().header("Authorization", Kpis.analyst()).queryParam("format", "pdf").get("/evaluation/extract").then().statusCode(400)
                .body("errors.field", equalTo(List.of("format")));
    }
}
