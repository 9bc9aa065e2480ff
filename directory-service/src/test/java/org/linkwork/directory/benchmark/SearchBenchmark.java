package org.linkwork.directory.benchmark;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.bulk.ImportReport;
import org.linkwork.directory.bulk.Imports;
import org.linkwork.directory.generator.DirectoryGenerator;
import org.linkwork.directory.geocoding.Located;
import org.linkwork.directory.geocoding.PostcodeLocator;
import org.linkwork.directory.search.Criteria;
import org.linkwork.directory.search.ServiceFinder;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * {@code GET /services?search=…&postcode=…&proximity=…} over a generated directory of 100,000
 * services, over HTTP, beside the same search statement run directly in PostgreSQL in the same run
 * (the floor: what the database alone costs). Not part of the test suite: run it with
 * {@code ./mvnw -pl directory-service verify -Pbenchmark}; it prints a table and writes it to
 * {@code target/search-benchmark.md}.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(LinkworkTestResources.class)
class SearchBenchmark {

    static final int SERVICES = Integer.getInteger("bench.services", 100_000);
    static final int WARMUP = 100;
    static final int REQUESTS = Integer.getInteger("bench.requests", 500);
    static final List<String> WORDS = List.of("walk", "choir", "garden", "advice", "coffee", "cooking", "support", "digital");

    @Inject
    Imports imports;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PostcodeLocator postcodes;

    @TestHTTPResource("/")
    URI base;

    @Test
    void searchByTextAndDistance() throws Exception {
        Path folder = Path.of("target", "bench-package-" + SERVICES);
        if (!Files.exists(folder.resolve("services.csv"))) {
            DirectoryGenerator.write(folder, SERVICES, 42);
        }
        long importStarted = System.nanoTime();
        ImportReport report = imports.folderPackage(folder);
        double importSeconds = (System.nanoTime() - importStarted) / 1e9;
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("vacuum analyze service");
            s.execute("vacuum analyze location");
            s.execute("vacuum analyze service_at_location");
        }
        List<String> places = postcodesInTheDirectory(60);
        HttpClient http = HttpClient.newHttpClient();

        List<Double> apiMs = new ArrayList<>();
        List<Double> sqlMs = new ArrayList<>();
        long hits = 0;
        for (int i = -WARMUP; i < REQUESTS; i++) {
            String word = WORDS.get(Math.floorMod(i, WORDS.size()));
            String postcode = places.get(Math.floorMod(i * 7, places.size()));
            URI uri = base.resolve("/services?search=" + word + "&postcode=" + URLEncoder.encode(postcode, StandardCharsets.UTF_8)
                    + "&proximity=5000&per_page=20");
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            long t1 = System.nanoTime();
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /services answered " + response.statusCode());
            }
            // the floor: the same statement the API ran, straight to PostgreSQL
            Located at = postcodes.locate(postcode).orElseThrow();
            ServiceFinder.Sql sql = ServiceFinder.build(Criteria.builder().text(word).near(at, 5000).build(),
                    ServiceFinder.Order.RELEVANCE, 1, 20);
            long t2 = System.nanoTime();
            int rows = runDirectly(sql);
            long t3 = System.nanoTime();
            if (i >= 0) {
                apiMs.add((t1 - t0) / 1e6);
                sqlMs.add((t3 - t2) / 1e6);
                hits += rows;
            }
        }
        String table = String.format(Locale.ROOT, """
                | %d services (%d imported in %.0f s), %d requests, per_page=20, proximity=5000 m | p50 ms | p95 ms | p99 ms | mean ms |
                |---|---|---|---|---|
                | `GET /services?search=…&postcode=…&proximity=5000` over HTTP | %.1f | %.1f | %.1f | %.1f |
                | the same search statement in PostgreSQL (JDBC, no HTTP, no geocoding, no JSON) | %.1f | %.1f | %.1f | %.1f |
                
                Average results per search: %.1f.
                """, SERVICES, report.created() + report.unchanged(), importSeconds, REQUESTS,
                pct(apiMs, 50), pct(apiMs, 95), pct(apiMs, 99), mean(apiMs),
                pct(sqlMs, 50), pct(sqlMs, 95), pct(sqlMs, 99), mean(sqlMs), hits / (double) REQUESTS);
        System.out.println(table);
        Files.writeString(Path.of("target", "search-benchmark.md"), table);
    }

    private int runDirectly(ServiceFinder.Sql sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c)) {
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    private List<String> postcodesInTheDirectory(int count) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct postal_code from location where postal_code is not null order by postal_code limit ?")) {
            ps.setInt(1, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double mean(List<Double> values) {
        return Arrays.stream(values.stream().mapToDouble(Double::doubleValue).toArray()).average().orElse(0);
    }
}
