package org.linkwork.outcomes;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.linkwork.events.TeamChanged;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/**
 * Test data: link-worker teams as referral-service publishes them on team-changed, with team ids and
 * usernames unique to each test, so a test's memberships are its own in the shared database.
 */
public final class Teams {

    /** Link workers' token org_id is their employer (a primary care network), never a practice. */
    public static final String EMPLOYER = "U90001";

    private Teams() {
    }

    public static String newTeam() {
        return "team-" + random();
    }

    public static String newLinkWorker() {
        return "lw-" + random();
    }

    private static String random() {
        String alphabet = "abcdefghjkmnpqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    public static String linkWorker(String username) {
        return TestTokens.bearer(username, "link-worker", EMPLOYER);
    }

    public static TeamChanged.Member active(String username) {
        return new TeamChanged.Member(username, true);
    }

    public static TeamChanged.Member inactive(String username) {
        return new TeamChanged.Member(username, false);
    }

    public static TeamChanged snapshot(String teamId, Instant changedAt, List<String> practices, TeamChanged.Member... members) {
        return new TeamChanged(teamId, "Team " + teamId, EMPLOYER, practices, List.of("LS6"), List.of(members), changedAt);
    }

    /** Publishes the team's snapshot now; returns its ce_id. */
    public static String publish(String teamId, List<String> practices, TeamChanged.Member... members) {
        return TopicProbe.publish(snapshot(teamId, Instant.now(), practices, members));
    }

    /** The status GET /kpis?team= answers the link worker: 200 for an active member, 404 for anyone else. */
    public static int kpiStatus(String teamId, String username) {
        return given().header("Authorization", linkWorker(username)).queryParam("team", teamId).get("/kpis")
                .then().extract().statusCode();
    }

    /** Waits until the user is an active member of the team here. */
    public static void awaitMember(String teamId, String username) {
        awaitKpiStatus(teamId, username, 200);
    }

    /** Waits until the user is not (or no longer) an active member of the team here. */
    public static void awaitNotMember(String teamId, String username) {
        awaitKpiStatus(teamId, username, 404);
    }

    private static void awaitKpiStatus(String teamId, String username, int status) {
        Awaitility.await().atMost(Kpis.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> kpiStatus(teamId, username) == status);
    }
}
