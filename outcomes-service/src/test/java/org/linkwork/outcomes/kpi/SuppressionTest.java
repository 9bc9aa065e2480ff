package org.linkwork.outcomes.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.Kpis;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** With the default threshold of 7, through the API: small counts hidden, and the total cannot give them back. */
@QuarkusTest
@TestProfile(SuppressionTest.DefaultThreshold.class)
@WithTestResource(LinkworkTestResources.class)
class SuppressionTest {

    public static class DefaultThreshold implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.kpis.small-number-threshold", "7");
        }
    }

    private static JsonPath kpis(String practice) {
        return given().header("Authorization", Kpis.analyst()).queryParam("practice", practice).get("/kpis")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void smallCountsAreHiddenWithAComplementSoTheTotalCannotRecoverThem() {
        String practice = newPractice();
        Instant t = Instant.now();
        for (int i = 0; i < 12; i++) {
            String id = newReferralId();
            TopicProbe.publish(created(id, practice, t));
            if (i < 2) {
                TopicProbe.publish(moved(id, practice, "received", "declined", t.plusSeconds(60)));
            } else if (i == 2) {
                TopicProbe.publish(moved(id, practice, "received", "withdrawn", t.plusSeconds(60)));
            }
        }
        // 9 received, 2 declined, 1 withdrawn; the record-level extract (not suppressed) tells when all are in
        Awaitility.await().atMost(Kpis.PATIENCE).until(() -> {
            JsonPath extract = given().header("Authorization", Kpis.analyst())
                    .queryParam("practice", practice).queryParam("format", "json").get("/evaluation/extract")
                    .then().statusCode(200).extract().jsonPath();
            // all twelve folded, the three exits among them
            return extract.getList("$").size() == 12 && extract.getList("findAll { it.status != 'received' }").size() == 3;
        });
        JsonPath report = kpis(practice);
        assertThat(report.getInt("suppressionThreshold")).isEqualTo(7);
        Map<String, Integer> byStatus = report.getMap("referralsByStatus", String.class, Integer.class);
        // the 2 and the 1 are hidden, and so is the 9, or 12 - 0 would give 3 back
        assertThat(byStatus.get("declined")).isNull();
        assertThat(byStatus.get("withdrawn")).isNull();
        assertThat(byStatus.get("received")).isNull();
        assertThat(byStatus.get("accepted")).isZero();
        assertThat(byStatus).containsKeys("received", "declined", "withdrawn");
        int shown = byStatus.values().stream().filter(java.util.Objects::nonNull).mapToInt(Integer::intValue).sum();
        // what the total leaves for the hidden cells is spread over three of them and is not small
        assertThat(report.getInt("total") - shown).isEqualTo(12);
        assertThat(report.getList("tables.find { it.name == 'referralsByStatus' }.rows.findAll { it.suppressed }.key"))
                .containsExactlyInAnyOrder("received", "declined", "withdrawn");
        // the exits: 2 and 1 of 3 in all, which is itself small: everything hidden, total included
        assertThat(report.getList("tables.find { it.name == 'exitsByStatus' }.rows.findAll { it.suppressed }.key"))
                .containsExactlyInAnyOrder("declined", "withdrawn");
        assertThat((Object) report.get("tables.find { it.name == 'exitsByStatus' }.total")).isNull();
        // the export hides the same cells
        String csv = given().header("Authorization", Kpis.analyst()).queryParam("practice", practice).get("/kpis/export")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("referralsByStatus,declined,,true").contains("referralsByStatus,total,12,false")
                .contains("exitsByStatus,total,,true");

        // a practice with three referrals: even its total is hidden
        String small = newPractice();
        for (int i = 0; i < 3; i++) {
            TopicProbe.publish(created(newReferralId(), small, t));
        }
        Awaitility.await().atMost(Kpis.PATIENCE).until(() -> kpis(small)
                .getBoolean("tables.find { it.name == 'referralsByStatus' }.totalSuppressed"));
        assertThat((Object) kpis(small).get("total")).isNull();
    }
}
