package org.linkwork.referral.servicelevel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class OverdueReferralsTest {

    @Inject
    OverdueReferrals overdue;

    private static Instant due(String id) {
        return QuarkusTransaction.requiringNew().call(() -> org.linkwork.referral.Times.instant(Panache.getEntityManager()
                .createNativeQuery("select first_contact_due from referral where id = ?1").setParameter(1, UUID.fromString(id))
                .getSingleResult()));
    }

    private static long announcements(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where topic = 'referral-overdue' and event_key = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void aReferralPastItsFirstContactDateIsAnnouncedOnceAndFlagged() {
        String late = Referrals.create();
        String contacted = Referrals.create();
        Referrals.contact(contacted);
        Instant lateDue = due(late);
        assertThat(lateDue).isAfter(Instant.now().plus(Duration.ofDays(4)));

        // the clock moves past the due date: the uncontacted one is overdue, the contacted one is not
        Instant later = lateDue.plusSeconds(60);
        overdue.flag(later);
        overdue.flag(later.plusSeconds(3600));

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("referral-overdue"),
                seen -> seen.stream().anyMatch(r -> late.equals(r.key())), Duration.ofSeconds(20));
        // both runs are over: the outbox, which every announcement passes through, holds one for the late referral
        assertThat(announcements(late)).isEqualTo(1);
        assertThat(announcements(contacted)).isZero();
        assertThat(records.stream().filter(r -> late.equals(r.key()))).hasSize(1);
        assertThat(records.stream().filter(r -> contacted.equals(r.key()))).isEmpty();
        ReferralOverdue event = EventJson.read(records.stream().filter(r -> late.equals(r.key())).findFirst().orElseThrow().value(),
                ReferralOverdue.class);
        assertThat(event.firstContactDue()).isEqualTo(lateDue);
        assertThat(event.status()).isEqualTo("received");
        assertThat(event.linkWorker()).isEqualTo("lw.demo");

        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + late + "/timeline").then().statusCode(200)
                .body("kind", hasItem("overdue"));
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + contacted).then().body("overdue", equalTo(false));
    }
}
