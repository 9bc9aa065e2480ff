package org.linkwork.outcomes.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;
import static org.linkwork.outcomes.journey.JourneyEvents.activity;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.Kpis;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** A referrer sees only their practice's slice, a provider only their organisation's. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class KpiSliceTest {

    private static int total(String token, String... query) {
        var request = given().header("Authorization", token);
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        return request.get("/kpis").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void aReferrerSeesTheirPracticeAndAProviderTheirOrganisation() {
        String practice = newPractice();
        String other = newPractice();
        String provider = "org-" + newPractice().toLowerCase(Locale.ROOT);
        Instant t = Instant.now();
        String withActivity = newReferralId();
        TopicProbe.publish(created(withActivity, practice, t));
        TopicProbe.publish(activity(withActivity, "ar-" + withActivity, provider, "in-progress", 1, t.plusSeconds(60)));
        TopicProbe.publish(created(newReferralId(), practice, t));
        TopicProbe.publish(created(newReferralId(), other, t));
        Kpis.awaitPractice(practice, Map.of("received", 2));
        Kpis.awaitPractice(other, Map.of("received", 1));

        String referrer = TestTokens.bearer("gp.test", "referrer", practice);
        assertThat(total(referrer)).isEqualTo(2);
        assertThat(total(referrer, "practice", practice.toLowerCase(Locale.ROOT))).isEqualTo(2);
        given().header("Authorization", referrer).queryParam("practice", other).get("/kpis").then().statusCode(404)
                .body("type", equalTo("urn:linkwork:problem:not-found"));
        given().header("Authorization", TestTokens.bearer("gp.none", "referrer", null)).get("/kpis").then().statusCode(403);

        String providerToken = TestTokens.bearer("provider.test", "provider", provider);
        // the activity referral travels on its own topic: wait for it too
        org.awaitility.Awaitility.await().atMost(Kpis.PATIENCE).until(() -> total(providerToken) == 1);
        given().header("Authorization", providerToken).get("/kpis").then()
                .body("tables.find { it.name == 'activityOutcomes' }.rows.find { it.key == 'started' }.value", equalTo(1));
        given().header("Authorization", providerToken).queryParam("provider", "org-someone-else").get("/kpis").then().statusCode(404);
        assertThat(total(Kpis.analyst(), "provider", provider)).isEqualTo(1);
        // the export is the same slice
        String csv = given().header("Authorization", referrer).queryParam("format", "csv").get("/kpis/export")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract().asString();
        assertThat(csv).startsWith("table,key,value,suppressed").contains("referralsByStatus,received,2,false")
                .contains("referralsByStatus,total,2,false");
        given().header("Authorization", referrer).queryParam("format", "xml").get("/kpis/export").then().statusCode(400)
                .body("errors.field", equalTo(java.util.List.of("format")));
    }
}
