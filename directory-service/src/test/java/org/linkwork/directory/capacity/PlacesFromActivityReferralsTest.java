package org.linkwork.directory.capacity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.Fixtures;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.Topic;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class PlacesFromActivityReferralsTest {

    static ActivityReferralUpdated update(String activityReferral, String serviceId, String status) {
        return new ActivityReferralUpdated(activityReferral, "ref-" + activityReferral, "person-x", serviceId, "walking-group", "org-p",
                "Y90001", "lw.demo", status, null, 0, null, Instant.now());
    }

    static int places(String id) {
        return given().get("/services/" + id).then().statusCode(200).extract().path("places_available");
    }

    @Test
    void aPlaceIsTakenOnAcceptanceAndGivenBackOnceWhenItEnds() {
        String id = "svc-" + Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, id, Fixtures.richWalk(id, "org-places", 53.8, -1.55, "LS2 7AB", ""), 201);
        String first = "ar-" + UUID.randomUUID();
        String second = "ar-" + UUID.randomUUID();

        TopicProbe.publish(update(first, id, "requested"));
        String accepted = TopicProbe.publish(update(first, id, "accepted"));
        TopicProbe.publish(update(second, id, "accepted"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> places(id) == 8);
        // a redelivered event and later holding statuses take nothing more
        TopicProbe.publish(Topic.ACTIVITY_REFERRAL_UPDATED, "ref-" + first, EventJson.write(update(first, id, "accepted")), accepted);
        TopicProbe.publish(update(first, id, "in-progress"));
        TopicProbe.publish(update(first, id, "completed"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> places(id) == 9);
        TopicProbe.publish(update(first, id, "completed"));
        TopicProbe.publish(update(second, id, "cancelled"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> places(id) == 10);
        // never above the maximum (12), and an ended referral that never held a place gives nothing back
        TopicProbe.publish(update("ar-" + UUID.randomUUID(), id, "rejected"));
        String marker = "ar-" + UUID.randomUUID();
        TopicProbe.publish(update(marker, id, "accepted"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> places(id) == 9);

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("directory-service-changed"),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() >= 6, Duration.ofSeconds(20));
        List<Integer> published = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), DirectoryServiceChanged.class).placesAvailable()).toList();
        assertThat(published).containsExactly(10, 9, 8, 9, 10, 9);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerCarriesOn() {
        String id = "svc-" + Fixtures.uuid();
        Fixtures.put(Fixtures.ADMIN, id, Fixtures.richWalk(id, "org-places", 53.8, -1.55, "LS2 7AB", ""), 201);
        String poison = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.ACTIVITY_REFERRAL_UPDATED, "ref-poison", "{\"status\":", poison);
        TopicProbe.publish(update("ar-" + UUID.randomUUID(), id, "accepted"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> places(id) == 9);
        TopicProbe.awaitRecords(List.of("activity-referral-updated.dlq.directory-service"),
                seen -> seen.stream().anyMatch(r -> "ref-poison".equals(r.key())), Duration.ofSeconds(20));
    }
}
