package org.linkwork.outcomes.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.Topic;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.SamePartition;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** Kafka delivers at least once: an event that comes again with the same ce_id is applied once. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RedeliveryTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    EntityManager em;

    @Test
    void aRedeliveredReferralCreatedIsCountedOnce() {
        String practice = newPractice();
        String id = newReferralId();
        String payload = EventJson.write(created(id, practice, Instant.now()));
        String eventId = UUID.randomUUID().toString();

        TopicProbe.publish(Topic.REFERRAL_CREATED, id, payload, eventId);
        Kpis.awaitPractice(practice, Map.of("received", 1));

        TopicProbe.publish(Topic.REFERRAL_CREATED, id, payload, eventId);
        String marker = SamePartition.referralIdBeside(Topic.REFERRAL_CREATED, id);
        TopicProbe.publish(created(marker, practice, Instant.now()));
        Kpis.awaitPractice(practice, Map.of("received", 2));
        assertThat(processedCopies(eventId)).isEqualTo(1);
    }

    @Test
    void aRedeliveredStatusChangeIsSkippedOnItsIdAlone() {
        String practice = newPractice();
        String id = newReferralId();
        Instant t = Instant.now();
        TopicProbe.publish(created(id, practice, t));
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, id,
                EventJson.write(moved(id, practice, "received", "accepted", t.plus(MINUTE))), eventId);
        Kpis.awaitPractice(practice, Map.of("accepted", 1));

        // a copy with the same ce_id whose body, were it applied, would win on time: the id alone decides
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, id,
                EventJson.write(moved(id, practice, "accepted", "withdrawn", t.plus(MINUTE.multipliedBy(10)))), eventId);
        // then a marker on the same key and partition, older than the copy's body
        TopicProbe.publish(moved(id, practice, "accepted", "contacted", t.plus(MINUTE.multipliedBy(2))));
        Kpis.awaitPractice(practice, Map.of("contacted", 1));
        assertThat(processedCopies(eventId)).isEqualTo(1);
    }

    private long processedCopies(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
