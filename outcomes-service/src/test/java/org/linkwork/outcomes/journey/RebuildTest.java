package org.linkwork.outcomes.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.outcomes.journey.JourneyEvents.DAY;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.Lifecycle;
import org.linkwork.outcomes.Teams;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** The projections rebuild from the topics, from offset zero, to the same numbers. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RebuildTest {

    @Inject
    EntityManager em;

    /** Every KPI table, without the time it was generated. */
    private static String kpis() throws Exception {
        String body = given().header("Authorization", Kpis.analyst()).get("/kpis").then().statusCode(200).extract().asString();
        ObjectNode report = (ObjectNode) new ObjectMapper().readTree(body);
        report.remove("generatedAt");
        return report.toString();
    }

    private static String settled() {
        AtomicReference<String> last = new AtomicReference<>("");
        Awaitility.await().atMost(Kpis.PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            String now = kpis();
            return now.equals(last.getAndSet(now));
        });
        return last.get();
    }

    @Test
    void emptiedProjectionsAreRebuiltFromOffsetZeroToTheSameNumbers() throws Exception {
        String practice = Lifecycle.newPractice();
        Instant t0 = Instant.parse("2025-11-03T09:30:00Z");
        String team = Teams.newTeam();
        String movedTo = Teams.newTeam();
        for (int i = 1; i <= 3; i++) {
            // the third is moved to another team on the way
            JourneyEvents.fullJourney(UUID.randomUUID().toString(), practice, t0, DAY.multipliedBy(i), DAY.multipliedBy(8 + i), 20.73,
                    team, i == 3 ? movedTo : null).forEach(TopicProbe::publish);
        }
        String left = UUID.randomUUID().toString();
        TopicProbe.publish(JourneyEvents.created(left, practice, t0, "25-34", "other", "mixed", 5));
        TopicProbe.publish(JourneyEvents.status(left, practice, "received", "withdrawn", "moved-away", t0.plus(DAY)));
        Kpis.awaitPractice(practice, Map.of("closed", 3, "withdrawn", 1));
        Kpis.awaitJourneys(practice, 4, 3);
        Kpis.awaitCounts(Map.of("closed", 1), "team", movedTo);
        String before = settled();

        // lose the projection entirely: only the topics can bring it back
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from referral_journey").executeUpdate());
        assertThat(Kpis.total("practice", practice)).isZero();

        var result = given().header("Authorization", TestTokens.bearer("admin.demo", "admin", null)).post("/kpis/rebuild")
                .then().statusCode(200).extract().jsonPath();
        assertThat(result.getLong("events")).isGreaterThanOrEqualTo(3 * 21 + 1 + 2);
        assertThat(result.getLong("referrals")).isGreaterThanOrEqualTo(4);
        assertThat(result.getMap("eventsByTopic")).containsKeys("referral-created", "referral-status-changed", "outcome-recorded",
                "activity-referral-updated", "match-feedback");

        assertThat(kpis()).isEqualTo(before);
        Kpis.awaitPractice(practice, Map.of("closed", 3, "withdrawn", 1));
        // the teams come back from the topics too
        assertThat(Kpis.counts("team", team)).containsEntry("closed", 2);
        assertThat(Kpis.counts("team", movedTo)).containsEntry("closed", 1);
    }
}
