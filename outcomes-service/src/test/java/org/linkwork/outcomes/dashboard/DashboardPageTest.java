package org.linkwork.outcomes.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linkwork.outcomes.journey.JourneyEvents.DAY;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.Kpis;
import org.linkwork.outcomes.Lifecycle;
import org.linkwork.outcomes.Teams;
import org.linkwork.outcomes.journey.JourneyEvents;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/**
 * The KPI page, rendered by a real headless Chromium: its charts must show the numbers the API gives.
 * Chromium is part of the build's toolchain (CI installs it); without it this test fails, it never skips.
 */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class DashboardPageTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LINKWORK_CHROMIUM", "/usr/bin/chromium"));

    @TestHTTPResource("/dashboard/index.html")
    URL page;

    @Test
    void theFunnelTheTimesAndTheWellbeingChangeAreDrawnWithTheApisNumbers() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .withFailMessage("Headless Chromium is needed to check the KPI page and was not found at %s: install it"
                        + " (apt-get install chromium) or point LINKWORK_CHROMIUM at it", CHROMIUM)
                .isTrue();
        String practice = Lifecycle.newPractice();
        String team = Teams.newTeam();
        Instant t0 = Instant.parse("2025-09-01T09:00:00Z");
        for (int i = 1; i <= 3; i++) {
            JourneyEvents.fullJourney(UUID.randomUUID().toString(), practice, t0, DAY.multipliedBy(i), DAY.multipliedBy(10 + i), 24.11,
                    team, null).forEach(TopicProbe::publish);
        }
        TopicProbe.publish(Lifecycle.created(UUID.randomUUID().toString(), practice, t0, team));
        // the practice's fifth referral is another team's: the page's team filter leaves it out
        TopicProbe.publish(Lifecycle.created(UUID.randomUUID().toString(), practice, t0, Teams.newTeam()));
        Kpis.awaitPractice(practice, Map.of("closed", 3, "received", 2));
        // every topic's events in for the three journeys, and the other two referrals
        Kpis.awaitJourneys(practice, 5, 3);
        JsonPath api = kpis(practice, team);

        String dom = render(page + "#token=" + Kpis.analyst().substring("Bearer ".length()) + "&practice=" + practice + "&team=" + team);

        assertThat(dom).contains("data-loaded=\"true\"");
        assertThat(dom).containsPattern("<input name=\"team\"[^>]*>");
        for (String stage : List.of("received", "contacted", "assessed", "matched", "in-activity", "completed")) {
            int expected = api.getInt("tables.find { it.name == 'funnel' }.rows.find { it.key == '" + stage + "' }.value");
            assertThat(barValue(dom, "funnel", stage)).as("funnel bar %s", stage).isEqualTo(String.valueOf(expected));
        }
        assertThat(barValue(dom, "funnel", "received")).isEqualTo("4");
        // first contact after 1, 2 and 3 days: median 2, 90th percentile 3
        assertThat(number(dom, "times", "timeToFirstContact.median")).isEqualTo(number(api, "timeToFirstContact", "median")).isEqualTo(2.0);
        assertThat(number(dom, "times", "timeToFirstContact.p90")).isEqualTo(number(api, "timeToFirstContact", "p90")).isEqualTo(3.0);
        assertThat(number(dom, "times", "timeToActivityStart.median")).isEqualTo(number(api, "timeToActivityStart", "median"))
                .isEqualTo(12.0);
        assertThat(number(dom, "wellbeing", "wellbeing.swemwbs.metric.baseline"))
                .isEqualTo(number(api, "wellbeing.swemwbs.metric", "mean-baseline")).isEqualTo(19.25);
        assertThat(number(dom, "wellbeing", "wellbeing.swemwbs.metric.follow-up"))
                .isEqualTo(number(api, "wellbeing.swemwbs.metric", "mean-follow-up")).isEqualTo(24.11);
        assertThat(dom).contains("id=\"total\" class=\"big\">4<");
    }

    private static JsonPath kpis(String practice, String team) {
        return given().header("Authorization", Kpis.analyst()).queryParam("practice", practice).queryParam("team", team).get("/kpis")
                .then().statusCode(200).extract().jsonPath();
    }

    private static double number(String dom, String chart, String key) {
        return Double.parseDouble(barValue(dom, chart, key));
    }

    private static double number(JsonPath api, String table, String key) {
        return (api.getDouble("tables.find { it.name == '" + table + "' }.rows.find { it.key == '" + key + "' }.value"));
    }

    /** The data-value of the bar with this key inside the chart's svg. */
    private static String barValue(String dom, String chart, String key) {
        Matcher svg = Pattern.compile("<svg[^>]*data-chart=\"" + chart + "\".*?</svg>", Pattern.DOTALL).matcher(dom);
        assertThat(svg.find()).as("an svg chart %s in the page", chart).isTrue();
        Matcher bar = Pattern.compile("<rect[^>]*data-key=\"" + Pattern.quote(key) + "\"[^>]*data-value=\"([^\"]*)\"").matcher(svg.group());
        assertThat(bar.find()).as("a bar %s in chart %s", key, chart).isTrue();
        return bar.group(1);
    }

    /** Loads the page in a fresh headless Chromium and returns the DOM once its scripts have run. */
    private static String render(String url) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile-");
        Path out = Files.createTempFile("dashboard-dom-", ".html");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=15000", "--dump-dom", url));
        Process chromium = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(chromium.waitFor(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS)).as("Chromium finished rendering").isTrue();
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            chromium.destroyForcibly();
            Files.deleteIfExists(out);
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
