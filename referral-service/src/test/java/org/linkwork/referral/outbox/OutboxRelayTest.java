package org.linkwork.referral.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.events.Topic;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.outbox.OutboxRelay;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/**
 * The outbox against the real broker and database. The test profile sets the backstop poll to an
 * hour, so anything that arrives was published because its transaction committed.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    private static ReferralStatusChanged event(String referralId) {
        return new ReferralStatusChanged(referralId, "p-" + UUID.randomUUID(), "Y90001", null, "received", "accepted", null,
                "link-worker", Instant.now());
    }

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForThePoll() {
        String referralId = UUID.randomUUID().toString();
        String eventId = QuarkusTransaction.requiringNew().call(() -> outbox.publish(event(referralId)));
        List<ConsumerRecord<String, String>> seen = TopicProbe.awaitRecords(List.of(Topic.REFERRAL_STATUS_CHANGED.topicName()),
                records -> records.stream().anyMatch(r -> referralId.equals(r.key())), Duration.ofSeconds(20));
        assertThat(seen.stream().filter(r -> referralId.equals(r.key())).map(r -> TopicProbe.header(r, "ce_id")))
                .containsExactly(eventId);
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        String referralId = UUID.randomUUID().toString();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(event(referralId));
                throw new IllegalStateException("the state change failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("select count(*) from outbox_event where event_key = :k").setParameter("k", referralId)
                .getSingleResult());
        assertThat(rows.intValue()).isZero();
    }

    @Test
    void severalRelaysTogetherPublishEveryRowExactlyOnceAndInOrder() throws Exception {
        // rows written behind the relay's back, as if a crash had left them unpublished
        String aggregate = UUID.randomUUID().toString();
        int count = 600;
        List<String> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                em.createNativeQuery("""
                        insert into outbox_event (id, topic, event_key, event_type, payload, occurred_at)
                        values (cast(:id as uuid), 'referral-status-changed', :key, 'linkwork.referral.status-changed.v1', :payload, now())""")
                        .setParameter("id", id).setParameter("key", aggregate)
                        .setParameter("payload", org.linkwork.events.EventJson.write(event(aggregate)))
                        .executeUpdate();
            }
        });

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> relays = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                relays.add(pool.submit(() -> {
                    int sent = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (System.nanoTime() < deadline && unpublished(aggregate) > 0) {
                        int n = relay.publishBatch();
                        sent += Math.max(n, 0);
                    }
                    return sent;
                }));
            }
            int total = 0;
            for (Future<Integer> f : relays) {
                total += f.get();
            }
            // the application's own relay, woken by any other commit, may take some rows: never more than all of them between
            // us, and the topic below shows each went out once
            assertThat(total).isPositive().isLessThanOrEqualTo(count);
        } finally {
            pool.shutdownNow();
        }

        List<ConsumerRecord<String, String>> seen = TopicProbe.awaitRecords(List.of(Topic.REFERRAL_STATUS_CHANGED.topicName()),
                records -> records.stream().filter(r -> aggregate.equals(r.key())).count() >= count, Duration.ofSeconds(30));
        List<String> published = seen.stream().filter(r -> aggregate.equals(r.key())).map(r -> TopicProbe.header(r, "ce_id")).toList();
        Map<String, Long> copies = published.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.values()).allMatch(n -> n == 1);
        Set<String> expected = new HashSet<>(ids);
        assertThat(new HashSet<>(published)).isEqualTo(expected);
        assertThat(published).as("one key, one partition: the order of the outbox").containsExactlyElementsOf(ids);
    }

    private long unpublished(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from outbox_event where event_key = :k and published_at is null")
                .setParameter("k", key).getSingleResult()).longValue());
    }
}
