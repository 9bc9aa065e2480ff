package org.linkwork.matching.directory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.linkwork.matching.Fixtures.service;
import static org.linkwork.matching.Fixtures.site;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.Topic;
import org.linkwork.matching.Fixtures;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestKafka;
import org.linkwork.platform.testing.TopicProbe;

/** The read model comes back the same after a restart, and can be rebuilt from the compacted directory topic alone. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class RebuildTest {

    @BeforeEach
    void emptyDirectory() {
        Fixtures.clearDirectory();
    }

    /** What matching knows of this test's services, from the index (what it matches with). */
    private static Map<String, String> model() {
        Map<String, String> model = new HashMap<>();
        for (Activity a : Arc.container().instance(DirectoryIndex.class).get().all()) {
            if (a.serviceId().startsWith("rb-")) {
                model.put(a.serviceId(), EventJson.write(a.snapshot()) + " places=" + a.placesAvailable());
            }
        }
        return model;
    }

    private static List<String> proposedFor(String referralId) {
        TopicProbe.publish(Fixtures.assessment(referralId, List.of("loneliness"), List.of(), "LS6", 10.0));
        return Fixtures.awaitProposal(referralId).proposals().stream().map(MatchProposed.Proposal::serviceId).toList();
    }

    private static void publishDirectory() {
        Fixtures.publishAndAwait(
                service("rb-walk", "Walk", List.of("loneliness", "physical-activity"), List.of("in-person"), 5, 1,
                        site("park", "LS6 1AB", 53.8127, -1.5651)),
                service("rb-choir", "Choir", List.of("loneliness"), List.of("in-person"), null, 1, site("hall", "LS6 3HN", 53.8240, -1.5770)),
                service("rb-calls", "Calls", List.of("loneliness"), List.of("telephone"), 9, 1),
                service("rb-gone", "Gone", List.of("loneliness"), List.of("telephone"), 9, 1));
        Fixtures.publishAndAwait(service("rb-choir", "Choir (new hall)", List.of("loneliness"), List.of("in-person"), 20, 2,
                site("new-hall", "LS6 2AA", 53.8190, -1.5650)));
        Fixtures.tombstoneAndAwait("rb-gone");
    }

    @Test
    void afterARestartTheIndexIsLoadedFromTheDatabaseAndAnswersTheSame() {
        publishDirectory();
        Map<String, String> before = model();
        assertThat(before).containsOnlyKeys("rb-walk", "rb-choir", "rb-calls");
        List<String> proposedBefore = proposedFor(UUID.randomUUID().toString());

        int loaded = Arc.container().instance(DirectoryIndexLoader.class).get().reload();

        assertThat(loaded).isEqualTo(3);
        assertThat(model()).isEqualTo(before);
        String referralId = UUID.randomUUID().toString();
        assertThat(proposedFor(referralId)).isEqualTo(proposedBefore).containsExactly("rb-choir", "rb-walk", "rb-calls");
        given().header("Authorization", Fixtures.linkWorker()).get("/matches/" + referralId).then().statusCode(200)
                .body("proposals.serviceId", equalTo(proposedBefore));
    }

    @Test
    void aFreshConsumerGroupOverTheCompactedTopicRebuildsTheSameModel() {
        publishDirectory();
        Map<String, String> before = model();

        // an empty read model, as on a new database
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("delete from directory_service").executeUpdate();
            Panache.getEntityManager().createNativeQuery("delete from processed_event where event_type = :type")
                    .setParameter("type", Topic.DIRECTORY_SERVICE_CHANGED.eventType()).executeUpdate();
        });
        Arc.container().instance(DirectoryIndexLoader.class).get().reload();
        assertThat(model()).isEmpty();

        // a new consumer group reads the topic from the beginning through the service's own listener
        DirectoryListener listener = Arc.container().instance(DirectoryListener.class).get();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "matching-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        int applied = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.DIRECTORY_SERVICE_CHANGED.topicName()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Fixtures.PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read to the end of the topic in time").isLessThan(deadline);
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith("rb-")) {
                        listener.onServiceChanged(record);
                        applied++;
                    }
                }
            }
        }
        assertThat(applied).isGreaterThanOrEqualTo(6);

        assertThat(model()).isEqualTo(before);
        // and the database holds the same, as the next start would load it
        Arc.container().instance(DirectoryIndexLoader.class).get().reload();
        assertThat(model()).isEqualTo(before);
    }
}
