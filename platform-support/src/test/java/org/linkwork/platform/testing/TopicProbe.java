package org.linkwork.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.linkwork.events.EventJson;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.Topic;

/**
 * Reads the test broker as an outside consumer would (from the beginning, its own group) and
 * publishes CloudEvents into it as another service's outbox would.
 */
public final class TopicProbe {

    private TopicProbe() {
    }

    /** Waits until the topics hold a record matching the condition; returns every record read. */
    public static List<ConsumerRecord<String, String>> awaitRecords(Collection<String> topics,
            Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.subscribe(topics);
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return done.test(seen);
            });
        }
        return new ArrayList<>(seen);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Publishes an event as the producing service would; returns its ce_id. */
    public static String publish(LinkworkEvent event) {
        String id = UUID.randomUUID().toString();
        publish(Topic.forPayload(event.getClass()).orElseThrow(), event.aggregateId(), EventJson.write(event), id);
        return id;
    }

    /** Publishes raw bytes with a given ce_id, for redelivery and poison-message tests. */
    public static void publish(Topic topic, String key, String value, String eventId) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic.topicName(), key, value);
            Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", topic.eventType(), "ce_source", "/linkwork/test",
                    "ce_subject", key, "ce_time", java.time.Instant.now().toString())
                    .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic.topicName(), e);
        }
    }

    private static Properties consumerConfig() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    private static Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }
}
