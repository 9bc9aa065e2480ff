package org.linkwork.referral.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.Topic;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;
import org.linkwork.referral.servicelevel.OverdueReferrals;

/**
 * A referral walks through everything this service publishes; then every topic it writes is read
 * from the start, and the person's identifiers and free text are found on none but the restricted
 * person-contact-changed.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class TopicsCarryNoIdentifiersTest {

    static final List<Topic> WRITTEN = List.of(Topic.REFERRAL_CREATED, Topic.REFERRAL_STATUS_CHANGED, Topic.REFERRAL_ASSIGNED,
            Topic.REFERRAL_OVERDUE, Topic.REFERRAL_ASSESSED, Topic.ACTIVITY_REFERRAL_UPDATED, Topic.PERSON_CONTACT_CHANGED);

    @Inject
    OverdueReferrals overdue;

    @Test
    void noIdentifierLeavesOutsideTheRestrictedTopic() {
        Referrals.ensureTeam();
        String nhs = Referrals.nhsNumber();
        String body = Referrals.body(nhs).replace("Ann", "Zebedee").replace("Example", "Quixotically")
                .replace("07700 900123", "07700 900314").replace("ann@example.org", "zq@example.org")
                .replace("Lives alone since her husband died", "Recently bereaved, cries at the surgery");
        String id = given().header("Authorization", Referrals.gp()).contentType("application/json").body(body)
                .post("/referrals").then().statusCode(201).extract().path("id");
        overdue.flag(Instant.now().plus(Duration.ofDays(30)));
        String activity = Referrals.sendActivity(id, Referrals.match(id), true);
        Referrals.moveActivity(Referrals.provider(), activity, "{\"status\":\"accepted\",\"comment\":\"Zebedee can start Tuesday\"}");
        Referrals.moveActivity(Referrals.provider(), activity, "{\"status\":\"in-progress\"}");
        given().header("Authorization", Referrals.provider()).contentType("application/json")
                .body("{\"sessionAt\":\"" + Instant.now() + "\",\"attended\":true}").post("/activity-referrals/" + activity + "/attendance")
                .then().statusCode(200);
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body("{\"text\":\"Daughter Zelda visits on Sundays\"}").post("/referrals/" + id + "/notes").then().statusCode(201);
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body("{\"status\":\"declined\",\"reasonCode\":\"person-declined\",\"comment\":\"Zebedee would rather wait\"}")
                .post("/referrals/" + id + "/status").then().statusCode(200);

        List<String> names = WRITTEN.stream().map(Topic::topicName).toList();
        List<ConsumerRecord<String, String>> all = TopicProbe.awaitRecords(names,
                seen -> WRITTEN.stream().allMatch(t -> seen.stream().anyMatch(r -> r.topic().equals(t.topicName())))
                        && seen.stream().anyMatch(r -> id.equals(r.key()) && r.value() != null && r.value().contains("\"toStatus\":\"declined\""))
                        && seen.stream().anyMatch(r -> r.topic().equals(Topic.PERSON_CONTACT_CHANGED.topicName()) && r.value() != null
                                && r.value().contains("900314")),
                Duration.ofSeconds(30));
        List<String> identifiers = List.of(nhs, "Zebedee", "Quixotically", "900314", "zq@example.org", "LS6 2AA", "LS62AA",
                "1950-03-02", "bereaved", "Zelda", "rather wait");
        for (ConsumerRecord<String, String> record : all) {
            if (record.value() == null) {
                continue;
            }
            if (record.topic().equals(Topic.PERSON_CONTACT_CHANGED.topicName())) {
                continue;
            }
            assertThat(record.value()).as(record.topic()).doesNotContain(identifiers);
            assertThat(record.key()).as(record.topic() + " key").doesNotContain(identifiers);
            record.headers().forEach(h -> assertThat(new String(h.value())).doesNotContain(identifiers));
        }
        // the restricted topic is where the contact details went, and nowhere else
        assertThat(all.stream().filter(r -> r.topic().equals("person-contact-changed") && r.value() != null)
                .anyMatch(r -> r.value().contains("900314"))).isTrue();
        assertThat(all.stream().map(ConsumerRecord::topic).distinct()).containsAll(names);
    }
}
