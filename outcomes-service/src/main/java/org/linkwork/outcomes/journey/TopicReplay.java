package org.linkwork.outcomes.journey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.linkwork.events.Topic;

/**
 * Reads topics from offset zero up to a fixed end, outside any consumer group (it commits nothing,
 * so the live consumers' positions are untouched).
 */
public final class TopicReplay implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();

    public TopicReplay(String bootstrapServers, Collection<Topic> topics) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "outcomes-service-replay");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer = new KafkaConsumer<>(p);
        for (Topic topic : topics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(30));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Where the topics end now: the replay reads up to here. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, Duration.ofSeconds(30));
    }

    /** Hands every record before {@code ends} to the sink, in partition order, on this thread; returns how many. */
    public long readUntil(Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<String, String>> sink) {
        return readUntil(ends, sink, 1);
    }

    /**
     * Hands every record before {@code ends} to the sink from {@code workers} threads while this one
     * keeps fetching. Each partition goes to one worker, so its records stay in order; the sink must
     * be safe for several threads. Returns how many records were handed over.
     */
    public long readUntil(Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<String, String>> sink, int workers) {
        if (workers <= 1) {
            long read = 0;
            while (!reached(ends)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (before(ends, record)) {
                        sink.accept(record);
                        read++;
                    }
                }
            }
            return read;
        }
        List<ExecutorService> lanes = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "journey-replay");
                t.setDaemon(true);
                return t;
            }));
        }
        // at most this many batches waiting per lane, so a fast broker cannot fill the heap
        Semaphore inFlight = new Semaphore(workers * 4);
        long read = 0;
        try {
            while (!reached(ends)) {
                ConsumerRecords<String, String> batch = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : batch.partitions()) {
                    List<ConsumerRecord<String, String>> records = batch.records(partition).stream().filter(r -> before(ends, r)).toList();
                    if (records.isEmpty()) {
                        continue;
                    }
                    read += records.size();
                    inFlight.acquireUninterruptibly();
                    int lane = Math.floorMod(partition.hashCode(), workers);
                    lanes.get(lane).execute(() -> {
                        try {
                            records.forEach(sink);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
        } finally {
            lanes.forEach(ExecutorService::shutdown);
            for (ExecutorService lane : lanes) {
                try {
                    if (!lane.awaitTermination(10, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("the replay did not finish folding in time");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while folding the replay", e);
                }
            }
        }
        return read;
    }

    private static boolean before(Map<TopicPartition, Long> ends, ConsumerRecord<String, String> record) {
        Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
        return end != null && record.offset() < end;
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        for (var end : ends.entrySet()) {
            if (consumer.position(end.getKey(), Duration.ofSeconds(30)) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
