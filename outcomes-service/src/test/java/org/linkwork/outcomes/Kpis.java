package org.linkwork.outcomes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.linkwork.platform.testing.TestTokens;

/** Reads GET /kpis and the evaluation extract as the demo analyst, and waits for what a test expects. */
public final class Kpis {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Kpis() {
    }

    public static String analyst() {
        return TestTokens.bearer("analyst.demo", "analyst", "linkwork-analytics");
    }

    /** The counts by status for the query parameters given as name, value pairs. */
    public static Map<String, Integer> counts(String... query) {
        RequestSpecification request = given().header("Authorization", analyst());
        for (int i = 0; i < query.length; i += 2) {
            request = request.queryParam(query[i], query[i + 1]);
        }
        var body = request.get("/kpis").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> counts = new LinkedHashMap<>(body.getMap("referralsByStatus", String.class, Integer.class));
        assertThat(body.getInt("total")).isEqualTo(counts.values().stream().mapToInt(Integer::intValue).sum());
        return counts;
    }

    public static int total(String... query) {
        return counts(query).values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Waits until the practice's referrals are exactly in these statuses (every other status zero). */
    public static void awaitPractice(String practice, Map<String, Integer> expected) {
        awaitCounts(expected, "practice", practice);
    }

    public static void awaitCounts(Map<String, Integer> expected, String... query) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Map<String, Integer> counts = counts(query);
            Map<String, Integer> nonZero = new LinkedHashMap<>();
            counts.forEach((status, n) -> {
                if (n != 0) {
                    nonZero.put(status, n);
                }
            });
            assertThat(nonZero).isEqualTo(expected);
        });
    }

    /** The columns each topic of a full journey fills in the evaluation extract. */
    public static final List<String> FILLED_BY_EACH_TOPIC = List.of("receivedAt", "firstContactAt", "assessedAt", "firstProposedAt",
            "activityStartedAt", "activityCompletedAt", "swemwbs.metric.baseline", "swemwbs.metric.follow-up");

    /** The evaluation extract's rows for the practice, each by column. */
    public static List<Map<String, String>> extract(String practice) {
        List<String> lines = given().header("Authorization", analyst()).queryParam("practice", practice).get("/evaluation/extract")
                .then().statusCode(200).contentType("text/csv").extract().asString().lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells[i]);
            }
            return (Map<String, String>) row;
        }).toList();
    }

    /**
     * Waits until the practice has this many referrals, of which {@code full} have every topic's
     * column filled: events travel on many topics, in no set order between them.
     */
    public static List<Map<String, String>> awaitJourneys(String practice, int referrals, int full) {
        return Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> extract(practice),
                rows -> rows.size() == referrals && rows.stream()
                        .filter(row -> FILLED_BY_EACH_TOPIC.stream().noneMatch(column -> row.getOrDefault(column, "").isEmpty()))
                        .count() == full);
    }
}
