package org.linkwork.outcomes;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.linkwork.events.Topic;
import org.linkwork.platform.testing.TestKafka;

/**
 * Referral ids whose records land on the same partition as another's. A consumer reads a partition
 * in order, so once a marker with such an id has been applied, everything published before it on
 * that partition (a redelivery, say) has been processed too.
 */
public final class SamePartition {

    private SamePartition() {
    }

    public static String referralIdBeside(Topic topic, String key) {
        int partitions = partitions(topic);
        int target = partitionOf(key, partitions);
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (partitionOf(candidate, partitions) == target) {
                return candidate;
            }
        }
    }

    /** The producer's default choice for a keyed record. */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static int partitions(Topic topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            return producer.partitionsFor(topic.topicName()).size();
        }
    }
}
