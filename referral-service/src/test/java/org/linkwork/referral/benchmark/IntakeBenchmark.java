package org.linkwork.referral.benchmark;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.referral.Referrals;

/**
 * Sustained intake: referrals accepted durably per second (201 = committed with its outbox row),
 * with p50/p99 latency, beside the raw PostgreSQL single-row insert rate of the same machine at
 * the same concurrency, measured in the same run. Not part of the test suite: run it with
 * {@code ./mvnw -pl referral-service verify -Pbenchmark} and read the table it prints.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
@Tag("benchmark")
class IntakeBenchmark {

    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    static final int REFERRALS = Integer.getInteger("bench.referrals", 3000);

    @TestHTTPResource("/referrals")
    URI referrals;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        Referrals.ensureTeam();
        String token = Referrals.gp();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        run(http, token, WARMUP);
        Result intake = run(http, token, REFERRALS);
        Result raw = rawInserts(REFERRALS);
        System.out.printf("%n| measure | ops | clients | per second | p50 ms | p99 ms |%n|---|---|---|---|---|---|%n");
        System.out.printf("| POST /referrals (201, committed with outbox row) | %d | %d | %.0f | %.2f | %.2f |%n", intake.count(), CLIENTS,
                intake.perSecond(), intake.p50(), intake.p99());
        System.out.printf("| raw PostgreSQL single-row insert + commit | %d | %d | %.0f | %.2f | %.2f |%n%n", raw.count(), CLIENTS,
                raw.perSecond(), raw.p50(), raw.p99());
    }

    record Result(int count, double perSecond, double p50, double p99) {
        static Result of(List<Long> nanos, long elapsedNanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return new Result(sorted.size(), sorted.size() / (elapsedNanos / 1e9), sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)) / 1e6);
        }
    }

    private Result run(HttpClient http, String token, int count) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                while (next.getAndIncrement() < count) {
                    HttpRequest request = HttpRequest.newBuilder(referrals).header("Authorization", token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(Referrals.body(Referrals.nhsNumber()))).build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("intake answered " + response.statusCode() + ": " + response.body());
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        clients.shutdown();
        return Result.of(latencies, elapsed);
    }

    /** The floor: a row of about the same width, one transaction each, same number of concurrent writers. */
    private Result rawInserts(int count) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_raw_insert (id uuid primary key, person varchar(200), needs varchar(400), "
                    + "reason varchar(2000), status varchar(20), received_at timestamptz)");
            s.execute("truncate bench_raw_insert");
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < CLIENTS; w++) {
            done.add(writers.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("insert into bench_raw_insert values (?, ?, ?, ?, ?, ?)")) {
                        while (next.getAndIncrement() < count) {
                            long t0 = System.nanoTime();
                            insert.setObject(1, UUID.randomUUID());
                            insert.setString(2, "p-" + UUID.randomUUID());
                            insert.setString(3, "loneliness,physical-activity");
                            insert.setString(4, "Lives alone since her husband died");
                            insert.setString(5, "received");
                            insert.setTimestamp(6, Timestamp.from(Instant.now()));
                            insert.executeUpdate();
                            c.commit();
                            latencies.add(System.nanoTime() - t0);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        writers.shutdown();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table bench_raw_insert");
        }
        return Result.of(latencies, elapsed);
    }
}
