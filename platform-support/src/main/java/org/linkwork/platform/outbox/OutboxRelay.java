package org.linkwork.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka as CloudEvents (binary mode), in the order they were written.
 *
 * <p>It runs as soon as a transaction that wrote an event commits ({@link #wake()}), so events reach
 * the broker within milliseconds; a slower poll is only the backstop for rows left behind by a crash
 * or a broker outage. A PostgreSQL advisory lock held for each batch's transaction lets one relay at a
 * time publish from a database, so several instances of a service never send a row twice concurrently,
 * and the order of rows is the order on the topic.
 *
 * <p>It uses a plain producer rather than a reactive-messaging emitter because it must know, per
 * batch, which records the broker acknowledged before it marks them published.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key: "LWOUTBOX" as eight bytes, the same in every service's own database. */
    private static final long LOCK_KEY = 0x4c574f5554424f58L;
    private static final Duration RETRY_WHEN_BUSY = Duration.ofMillis(50);

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "127.0.0.1:9092")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "linkwork.outbox.enabled", defaultValue = "true")
    boolean enabled;

    /** How many rows one transaction sends at most. */
    @ConfigProperty(name = "linkwork.outbox.batch-size", defaultValue = "200")
    int batchSize;

    /** The backstop poll; normal publication does not wait for it. */
    @ConfigProperty(name = "linkwork.outbox.poll-interval", defaultValue = "2s")
    Duration pollInterval;

    /** How long a batch waits for the broker's acknowledgements before it is retried later. */
    @ConfigProperty(name = "linkwork.outbox.send-timeout", defaultValue = "15s")
    Duration sendTimeout;

    /** How long published rows are kept (for audit and replay) before they are purged. */
    @ConfigProperty(name = "linkwork.outbox.retention", defaultValue = "P7D")
    Duration retention;

    final EntityManager em;
    final MeterRegistry meters;

    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private ScheduledExecutorService worker;
    private KafkaProducer<String, String> producer;
    private Counter relayed;
    private Timer lag;

    OutboxRelay(EntityManager em, MeterRegistry meters) {
        this.em = em;
        this.meters = meters;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) StartupEvent event) {
        if (!enabled) {
            return;
        }
        relayed = meters.counter("linkwork.outbox.relayed");
        lag = Timer.builder("linkwork.outbox.lag").description("Time from commit of an event to the broker's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(meters);
        producer = new KafkaProducer<>(producerConfig());
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::purgePublished, 1, 60, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to publish now; several wake-ups before it runs are folded into one. */
    public void wake() {
        if (worker != null && drainQueued.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                drainQueued.set(false);
            }
        }
    }

    private void drain() {
        drainQueued.set(false);
        try {
            int sent;
            do {
                sent = publishBatch();
                if (sent == BUSY) {
                    // another instance holds the lock; come back soon so our own rows are not left to the poll
                    worker.schedule(this::wake, RETRY_WHEN_BUSY.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
            } while (sent == batchSize);
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish (%s); unpublished events stay in the outbox and are retried",
                    e.getClass().getSimpleName());
        }
    }

    /** {@link #publishBatch()} returns this when another relay holds the lock. */
    public static final int BUSY = -1;

    /**
     * Publishes one batch of unpublished rows in one transaction; returns how many were sent, or
     * {@link #BUSY}. Public so tests can drive several relays against one database at once.
     */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) sendTimeout.multipliedBy(2).toSeconds()).call(() -> {
            boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", LOCK_KEY).getSingleResult();
            if (!locked) {
                return BUSY;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select id, topic, event_key, event_type, payload, occurred_at
                    from outbox_event where published_at is null order by seq limit :n""")
                    .setParameter("n", batchSize).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                acks.add(producer.send(toRecord(row)));
            }
            List<UUID> published = new ArrayList<>(rows.size());
            long deadline = System.nanoTime() + sendTimeout.toNanos();
            try {
                for (int i = 0; i < rows.size(); i++) {
                    acks.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    published.add((UUID) rows.get(i)[0]);
                    lag.record(Duration.between(instant(rows.get(i)[5]), Instant.now()));
                }
            } catch (Exception e) {
                // stop at the first unacknowledged record: the rest are retried, in order, later
                LOG.warnf("Broker did not acknowledge outbox event (%s); %d of %d in this batch published",
                        e.getClass().getSimpleName(), published.size(), rows.size());
            }
            if (!published.isEmpty()) {
                em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                        .setParameter("ids", published).executeUpdate();
                relayed.increment(published.size());
            }
            return published.size() == rows.size() ? rows.size() : 0;
        });
    }

    private ProducerRecord<String, String> toRecord(Object[] row) {
        String id = row[0].toString();
        String topic = (String) row[1];
        String key = (String) row[2];
        String type = (String) row[3];
        String payload = (String) row[4];
        Instant occurred = instant(row[5]);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", "/linkwork/" + serviceName);
        header(record, "ce_time", occurred.toString());
        header(record, "ce_subject", key);
        if (payload != null) {
            header(record, "content-type", "application/json");
        }
        return record;
    }

    /** PostgreSQL timestamptz through a native query: an Instant, or a Timestamp with older drivers. */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void purgePublished() {
        try {
            QuarkusTransaction.requiringNew().run(() -> em
                    .createNativeQuery("delete from outbox_event where published_at < :before")
                    .setParameter("before", Timestamp.from(Instant.now().minus(retention)))
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Could not purge published outbox rows (%s)", e.getClass().getSimpleName());
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, serviceName + "-outbox");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        int timeout = (int) sendTimeout.toMillis();
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(1000, timeout / 2)));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }
}
