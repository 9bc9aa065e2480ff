package org.linkwork.matching.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.matching.scoring.MatchRules;
import org.linkwork.matching.scoring.MatchWeights;
import org.linkwork.matching.scoring.Person;
import org.linkwork.matching.scoring.PostgresBaseline;
import org.linkwork.platform.testing.TestTokens;

/**
 * End-to-end load on a running matching-service over a generated directory of 100,000 activities,
 * beside PostgreSQL floors measured in the same run. {@code seed} prepares the database the service
 * is then started on; {@code load} drives it with 50 concurrent clients. {@code benchmarks/http-load.sh}
 * runs both with the service in between.
 */
public final class HttpLoadHarness {

    static final String SERVER = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DATABASE = "linkwork_matching_loadtest";
    static final int ACTIVITIES = Integer.getInteger("bench.activities", 100_000);
    static final int REFERRALS = 1000;
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 50);
    static final String BASE = System.getProperty("bench.url", "http://127.0.0.1:18083");
    static final Path CENTROIDS = Path.of(System.getProperty("bench.centroids", "target/loadtest-centroids.csv"));

    /** Database connections for the SQL floors: PostgreSQL's default 100 is shared with the service and everyone else. */
    static final int SQL_CONNECTIONS = Integer.getInteger("bench.sql-connections", 20);

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "seed" -> seed();
            case "load" -> load();
            case "wrk-input" -> wrkInput(Path.of(args[1]));
            default -> System.err.println("usage: HttpLoadHarness seed|load|wrk-input <dir>");
        }
        // the HTTP client's threads would keep the JVM (and its connections) alive
        System.exit(0);
    }

    /** The token and the referral ids for the same reads driven by wrk (benchmarks/get-matches.lua). */
    static void wrkInput(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("token.txt"), TestTokens.bearer("lw.load", "link-worker", "Y90001") + "\n");
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < REFERRALS; i++) {
            ids.append(referral(i)).append('\n');
        }
        Files.writeString(dir.resolve("referrals.txt"), ids);
    }

    /** People of the run, each in a made-up postcode district whose centroid is their place (QA1, QA2, ...). */
    static List<Person> people() {
        return RankingBenchmark.people().subList(0, REFERRALS);
    }

    static String district(int i) {
        return "Q" + (char) ('A' + i / 99) + (1 + i % 99);
    }

    static void seed() throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        Flyway.configure().dataSource(SERVER + DATABASE, "postgres", "").locations("classpath:db/platform", "classpath:db/migration")
                .load().migrate();
        List<DirectoryServiceChanged> services = new DirectoryGenerator(42).services(ACTIVITIES);
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE + "?reWriteBatchedInserts=true", "postgres", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement row = c.prepareStatement("""
                    insert into directory_service (id, name, organization_id, organization_name, status, delivery_modes, places_available,
                        version, changed_at, received_at, snapshot, revision) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, nextval('directory_revision'))""")) {
                int n = 0;
                for (DirectoryServiceChanged s : services) {
                    row.setString(1, s.serviceId());
                    row.setString(2, s.name());
                    row.setString(3, s.organizationId());
                    row.setString(4, s.organizationName());
                    row.setString(5, s.status());
                    row.setString(6, String.join(",", s.deliveryModes()));
                    row.setObject(7, s.placesAvailable());
                    row.setLong(8, s.version());
                    row.setTimestamp(9, Timestamp.from(s.changedAt()));
                    row.setString(10, EventJson.write(s));
                    row.addBatch();
                    if (++n % 2000 == 0) {
                        row.executeBatch();
                    }
                }
                row.executeBatch();
            }
            // lw.load is the active member of the team every referral is with: the service reads memberships at start
            try (PreparedStatement team = c.prepareStatement("""
                    insert into team (team_id, name, organisation, changed_at, received_at) values ('load-team', 'Load team', 'U90001', now(), now())
                    on conflict do nothing""")) {
                team.executeUpdate();
            }
            try (PreparedStatement member = c.prepareStatement("""
                    insert into team_member (team_id, username, active) values ('load-team', 'lw.load', true) on conflict do nothing""")) {
                member.executeUpdate();
            }
            // one assessed referral per person, not yet proposed: the load run proposes them through the service
            try (PreparedStatement proposal = c.prepareStatement("""
                    insert into match_proposal (referral_id, referrer_organization, link_worker, person_ref, assessment, assessed_at, proposed_at,
                        team_id)
                    values (?, 'Y90001', 'lw.load', ?, ?, now(), now(), 'load-team')""")) {
                List<Person> people = people();
                StringBuilder csv = new StringBuilder("district,latitude,longitude\n");
                for (int i = 0; i < people.size(); i++) {
                    Person p = people.get(i);
                    csv.append(district(i)).append(',').append(p.place().latitude()).append(',').append(p.place().longitude()).append('\n');
                    String personRef = "p-" + UUID.randomUUID();
                    ReferralAssessed a = new ReferralAssessed(referral(i).toString(), personRef, "Y90001", "lw.load", p.needs(), p.goalAreas(),
                            p.interests(), new ReferralAssessed.Preferences(List.copyOf(p.deliveryModes()), p.days(), p.timesOfDay(), p.setting(),
                                    p.language()), List.copyOf(p.healthConditions()), List.copyOf(p.accessibilityRequirements()), p.digitalAccess(),
                            new ReferralAssessed.Travel(district(i), p.maxTravelKm(), p.publicTransportOnly()), p.costSensitive(), p.ageBand(),
                            false, Instant.now(), "load-team");
                    proposal.setObject(1, referral(i));
                    proposal.setString(2, personRef);
                    proposal.setString(3, EventJson.write(a));
                    proposal.addBatch();
                }
                proposal.executeBatch();
                Files.createDirectories(CENTROIDS.toAbsolutePath().getParent());
                Files.writeString(CENTROIDS, csv);
            }
            c.commit();
        }
        // the floor's tables, over the same activities, in the same database
        try (PostgresBaseline baseline = new PostgresBaseline(SERVER + DATABASE, "postgres", "", MatchWeights.DEFAULT, MatchRules.DEFAULT)) {
            baseline.load(services.stream().map(Activity::of).toList());
        }
        System.out.printf("seeded %s: %d activities, %d assessed referrals; centroids in %s%n", DATABASE, ACTIVITIES, REFERRALS, CENTROIDS);
    }

    static UUID referral(int i) {
        return UUID.nameUUIDFromBytes(("load-" + i).getBytes());
    }

    static void load() throws Exception {
        String token = TestTokens.bearer("lw.load", "link-worker", "Y90001");
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4, daemon())).build();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY, daemon());
        ExecutorService sqlPool = Executors.newFixedThreadPool(SQL_CONNECTIONS, daemon());
        List<AutoCloseable> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            // every referral proposed through the service (ranking over 100k, stored, written to the outbox)
            Stats saved = run(pool, REFERRALS, i -> post(http, token, referral(i), "{\"save\": true}"));
            System.out.println(saved.line("POST /matches/{id}/rerun save=true (rank, store, outbox), " + REFERRALS + " referrals"));
            run(pool, 20_000, i -> get(http, token, referral(i % REFERRALS)));
            Stats reads = run(pool, 50_000, i -> get(http, token, referral(i % REFERRALS)));
            System.out.println(reads.line("GET /matches/{id}"));
            run(pool, 1_000, i -> post(http, token, referral(i % REFERRALS), "{}"));
            Stats reruns = run(pool, 4_000, i -> post(http, token, referral(i % REFERRALS), "{\"maxTravelKm\": 10}"));
            System.out.println(reruns.line("POST /matches/{id}/rerun (live ranking over the directory, not saved)"));

            // floors in the same run: the stored proposal read with plain SQL, and the ranking as one SQL query
            ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
                try {
                    Connection c = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
                    opened.add(c);
                    return c;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Stats sqlReads = run(sqlPool, SQL_CONNECTIONS, 50_000, i -> readProposal(connections.get(), referral(i % REFERRALS)));
            System.out.println(sqlReads.line("SQL floor: read a stored proposal (JDBC, " + SQL_CONNECTIONS + " connections)"));
            ThreadLocal<PostgresBaseline> baselines = ThreadLocal.withInitial(() -> {
                try {
                    PostgresBaseline b = new PostgresBaseline(SERVER + DATABASE, "postgres", "", MatchWeights.DEFAULT, MatchRules.DEFAULT);
                    opened.add(b);
                    return b;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<Person> people = people();
            Stats sqlRanks = run(sqlPool, SQL_CONNECTIONS, 400, i -> {
                baselines.get().rank(people.get(i % REFERRALS).withTravel(10.0), 5, RankingBenchmark.TODAY);
                return 200;
            });
            System.out.println(sqlRanks.line("SQL baseline: the same ranking as one PostgreSQL query (" + SQL_CONNECTIONS + " connections)"));
        } finally {
            pool.shutdownNow();
            sqlPool.shutdownNow();
            for (AutoCloseable c : opened) {
                c.close();
            }
        }
    }

    interface Call {
        int call(int i) throws Exception;
    }

    static int get(HttpClient http, String token, UUID referral) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/matches/" + referral)).header("Authorization", token).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int post(HttpClient http, String token, UUID referral, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/matches/" + referral + "/rerun")).header("Authorization", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int readProposal(Connection c, UUID referral) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                select p.referral_id, p.proposed_at, a.rank, a.service_id, a.service_name, a.score, a.distance_km, a.reasons, a.reasons_against
                from match_proposal p left join proposed_activity a on a.referral_id = p.referral_id where p.referral_id = ? order by a.rank""")) {
            s.setObject(1, referral);
            try (ResultSet rs = s.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                }
                return rows > 0 ? 200 : 404;
            }
        }
    }

    static Stats run(ExecutorService pool, int total, Call call) throws Exception {
        return run(pool, CONCURRENCY, total, call);
    }

    static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs {@code total} calls on {@code clientCount} of the pool's threads, each one call at a time; latencies in microseconds. */
    static Stats run(ExecutorService pool, int clientCount, int total, Call call) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        long started = System.nanoTime();
        List<Callable<Void>> clients = new ArrayList<>();
        for (int t = 0; t < clientCount; t++) {
            clients.add(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long t0 = System.nanoTime();
                    int status = call.call(i);
                    latencies[i] = (System.nanoTime() - t0) / 1000;
                    if (status >= 300) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (Future<Void> f : pool.invokeAll(clients)) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Stats(total, failures.get(), total / seconds, latencies);
    }

    record Stats(int requests, int failures, double perSecond, long[] sortedMicros) {
        double percentileMs(double p) {
            return sortedMicros[(int) Math.min(sortedMicros.length - 1, Math.ceil(p / 100 * sortedMicros.length) - 1)] / 1000.0;
        }

        String line(String what) {
            return String.format("| %s | %d | %d | %.0f/s | %.2f | %.2f | %.2f | %.2f |", what, requests, failures, perSecond,
                    percentileMs(50), percentileMs(90), percentileMs(99), sortedMicros[sortedMicros.length - 1] / 1000.0);
        }
    }

}
