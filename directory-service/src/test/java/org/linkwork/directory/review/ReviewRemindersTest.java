package org.linkwork.directory.review;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.Fixtures;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.events.EventJson;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class ReviewRemindersTest {

    @Inject
    ReviewReminders reminders;

    @Test
    void aLapsedEntryIsListedAndRaisedOncePerLapse() {
        String org = "org-" + Fixtures.uuid();
        String stale = "svc-" + Fixtures.uuid();
        String fresh = "svc-" + Fixtures.uuid();
        // older than anything the generated directories of other tests hold, so it is on the admin's first page
        LocalDate longAgo = LocalDate.of(2001, 1, 1);
        Fixtures.put(Fixtures.provider(org), stale, Fixtures.richWalk(stale, org, 53.8, -1.55, "LS2 7AB", "")
                .replaceFirst("\"assured_date\":\"[0-9-]+\"", "\"assured_date\":\"" + longAgo + "\""), 201);
        Fixtures.put(Fixtures.provider(org), fresh, Fixtures.richWalk(fresh, org, 53.8, -1.55, "LS2 7AB", ""), 201);

        given().header("Authorization", Fixtures.provider(org)).get("/review/due").then().statusCode(200)
                .body("contents.service_id", hasItem(stale)).body("contents.service_id", not(hasItem(fresh)));
        given().header("Authorization", Fixtures.provider("org-other")).get("/review/due").then().statusCode(200)
                .body("contents.service_id", not(hasItem(stale)));
        given().header("Authorization", Fixtures.ADMIN).queryParam("per_page", 500).get("/review/due").then().statusCode(200)
                .body("contents.service_id", hasItem(stale));

        reminders.raiseDue();
        reminders.raiseDue();
        assertThat(raisedFor(stale, 1)).singleElement().satisfies(d -> {
            assertThat(d.assuredDate()).isEqualTo(longAgo);
            assertThat(d.organizationId()).isEqualTo(org);
        });

        // confirming ends the lapse; a later lapse raises again
        given().header("Authorization", Fixtures.provider(org)).post("/services/" + stale + "/assurance").then().statusCode(200);
        given().header("Authorization", Fixtures.provider(org)).get("/review/due").then().body("contents.service_id", not(hasItem(stale)));
        reminders.raiseDue();
        assertThat(raisedFor(stale, 1)).hasSize(1);
        reminders.useClock(java.time.Clock.offset(java.time.Clock.systemDefaultZone(), Duration.ofDays(400)));
        try {
            reminders.raiseDue();
        } finally {
            reminders.useClock(java.time.Clock.system(java.time.ZoneId.of("Europe/London")));
        }
        assertThat(raisedFor(stale, 2)).hasSize(2);

        given().header("Authorization", TestTokens.bearer("lw", "link-worker", "Y90001")).get("/review/due").then().statusCode(403);
        given().get("/review/due").then().statusCode(401);
    }

    private static List<DirectoryReviewDue> raisedFor(String id, int atLeast) {
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("directory-review-due"),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= atLeast, Duration.ofSeconds(20));
        return records.stream().filter(r -> id.equals(r.key())).map(r -> EventJson.read(r.value(), DirectoryReviewDue.class)).toList();
    }
}
