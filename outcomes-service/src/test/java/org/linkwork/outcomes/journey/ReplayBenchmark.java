package org.linkwork.outcomes.journey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkwork.events.EventJson;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.Topic;
import org.linkwork.platform.testing.TestKafka;
import org.linkwork.platform.testing.TestPostgres;

/**
 * Replay benchmark (a harness, not a test): publishes a million lifecycle events to a real broker,
 * then rebuilds the journeys from offset zero exactly as {@link ProjectionRebuild} does (read, fold,
 * COPY into PostgreSQL), and beside it, in the same run, the floors: reading the same records without
 * doing anything with them, and COPYing rows of the same size into a bare table.
 *
 * <p>{@code ./mvnw -pl outcomes-service -Pbenchmark verify} (see the module README). System properties:
 * {@code bench.events} (default 1000000).
 */
public final class ReplayBenchmark {

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long target = Long.getLong("bench.events", 1_000_000L);
        String bootstrap = TestKafka.bootstrapServers();
        Map<String, String> db = TestPostgres.freshDatabase("linkwork_outcomes_bench");
        String url = db.get("quarkus.datasource.jdbc.url");

        long started = System.nanoTime();
        long published = publish(bootstrap, target);
        Duration publishing = since(started);

        // floor 1: read every record to the end and do nothing with it
        started = System.nanoTime();
        long[] bytes = new long[1];
        long read;
        try (TopicReplay topics = new TopicReplay(bootstrap, JourneyTopics.CONSUMED)) {
            read = topics.readUntil(topics.endOffsets(), r -> bytes[0] += r.value().length());
        }
        Duration rawRead = since(started);

        // the rebuild: read, parse, fold, then COPY into referral_journey in one transaction
        started = System.nanoTime();
        JourneyReplay replay = new JourneyReplay();
        try (TopicReplay topics = new TopicReplay(bootstrap, JourneyTopics.CONSUMED)) {
            topics.readUntil(topics.endOffsets(), replay::accept, ProjectionRebuild.workers());
        }
        Duration folded = since(started);
        long copyStarted = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"))) {
            createTables(c);
            c.setAutoCommit(false);
            JourneyTable.replaceAll(c, replay.journeys().values());
            c.commit();
        }
        Duration copied = since(copyStarted);
        Duration rebuild = since(started);

        // floor 2: COPY the same number of rows, of the same JSON, into a bare table
        long floorStarted = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, db.get("quarkus.datasource.username"), db.get("quarkus.datasource.password"))) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create table bare (id uuid, body jsonb)");
            }
            StringBuilder csv = new StringBuilder();
            for (ReferralJourney j : replay.journeys().values()) {
                csv.append(j.referralId).append(",\"").append(JourneyJson.write(j).replace("\"", "\"\"")).append("\"\n");
            }
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                    .copyIn("copy bare (id, body) from stdin with (format csv)", new java.io.StringReader(csv.toString()));
            c.commit();
        }
        Duration rawCopy = since(floorStarted);

        String table = String.join("\n",
                "| measured | events | referrals | time | rate |",
                "|---|---|---|---|---|",
                row("publish to the broker (setup)", published, -1, publishing),
                row("floor: read every record, nothing else", read, -1, rawRead),
                row("rebuild: read, parse and fold in memory", read, replay.journeys().size(), folded),
                row("rebuild: COPY journeys into referral_journey", -1, replay.journeys().size(), copied),
                row("**rebuild in all** (what POST /kpis/rebuild does)", read, replay.journeys().size(), rebuild),
                row("floor: COPY the same rows into a bare table", -1, replay.journeys().size(), rawCopy));
        System.out.println();
        System.out.println("Replay benchmark, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + (bytes[0] / 1_000_000) + " MB of payload, skipped " + replay.skipped() + ", duplicates " + replay.duplicates());
        System.out.println(table);
        Path out = Path.of("target", "replay-benchmark.md");
        Files.writeString(out, table + "\n", StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static String row(String what, long events, long referrals, Duration time) {
        double seconds = time.toMillis() / 1000.0;
        long count = events >= 0 ? events : referrals;
        String unit = events >= 0 ? "events/s" : "rows/s";
        return "| " + what + " | " + (events >= 0 ? String.format("%,d", events) : "") + " | "
                + (referrals >= 0 ? String.format("%,d", referrals) : "") + " | " + String.format("%.1f s", seconds) + " | "
                + String.format("%,.0f %s", count / Math.max(seconds, 0.001), unit) + " |";
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /** The referral_journey table of the V2 and V3 migrations, on a bare database. */
    private static void createTables(Connection c) throws Exception {
        for (String migration : List.of("V2__referral_journey_and_measures.sql", "V3__team_membership.sql")) {
            String sql = new String(ReplayBenchmark.class.getResourceAsStream("/db/migration/" + migration).readAllBytes(),
                    StandardCharsets.UTF_8);
            try (Statement s = c.createStatement()) {
                for (String statement : sql.replaceAll("(?m)--.*$", "").split(";")) {
                    if (!statement.isBlank() && !statement.contains("drop table")) {
                        s.execute(statement);
                    }
                }
            }
        }
    }

    /** Whole referral journeys (21 events each) for 20 practices, round-robin over the topics' partitions. */
    private static long publish(String bootstrap, long target) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(512 * 1024));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long sent = 0;
        Instant base = Instant.parse("2024-01-01T08:00:00Z");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<Future<?>> last = new ArrayList<>();
            for (int i = 0; sent < target; i++) {
                String id = UUID.randomUUID().toString();
                List<LinkworkEvent> events = JourneyEvents.fullJourney(id, "Y9" + String.format("%04d", i % 20),
                        base.plus(Duration.ofMinutes(11L * i)), Duration.ofHours(6 + i % 300), Duration.ofDays(7 + i % 40),
                        i % 3 == 0 ? 24.11 : 20.73);
                for (LinkworkEvent event : events) {
                    if (sent == target) {
                        break;
                    }
                    Topic topic = Topic.forPayload(event.getClass()).orElseThrow();
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic.topicName(), id, EventJson.write(event));
                    record.headers().add(new RecordHeader("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
                    record.headers().add(new RecordHeader("ce_type", topic.eventType().getBytes(StandardCharsets.UTF_8)));
                    last.add(producer.send(record));
                    if (last.size() == 10_000) {
                        for (Future<?> f : last) {
                            f.get();
                        }
                        last.clear();
                    }
                    sent++;
                }
            }
            for (Future<?> f : last) {
                f.get();
            }
        }
        return sent;
    }
}
