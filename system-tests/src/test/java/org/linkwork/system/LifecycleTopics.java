package org.linkwork.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** An analytics team's consumer: reads every platform topic from the start, in its own group. */
final class LifecycleTopics implements AutoCloseable {

    static final List<String> TOPICS = List.of("referral-created", "referral-status-changed", "referral-assigned", "referral-assessed",
            "activity-referral-updated", "activity-completed",
            "match-proposed", "directory-service-changed", "notification-delivered");

    private final List<ConsumerRecord<String, String>> records = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;
    private final Admin admin;

    LifecycleTopics(String bootstrap) {
        admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"); // see topics created after we subscribed
        poller = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(java.util.regex.Pattern.compile(String.join("|", TOPICS)));
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        }, "system-test-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    List<ConsumerRecord<String, String>> withKey(String topic, String key) {
        return records.stream().filter(r -> r.topic().equals(topic) && key.equals(r.key())).toList();
    }

    /**
     * Whether a service's consumer group has committed past this record, which it does only once
     * the record is processed: topics are not ordered with each other, so a test that needs a
     * service to know of one event before the next asks this.
     */
    boolean consumedBy(String group, ConsumerRecord<String, String> record) throws Exception {
        OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get(10, java.util.concurrent.TimeUnit.SECONDS).get(new TopicPartition(record.topic(), record.partition()));
        return committed != null && committed.offset() > record.offset();
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join(5000);
        admin.close(Duration.ofSeconds(5));
    }
}
