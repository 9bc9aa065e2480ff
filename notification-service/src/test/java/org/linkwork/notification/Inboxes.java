package org.linkwork.notification;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.platform.testing.TestTokens;

/**
 * Test data and inbox reading. The tests share one database, so a test that counts uses its own
 * organisation and usernames ({@link #uniqueOrganisation()}, {@link #uniqueUser(String)}).
 */
public final class Inboxes {

    public static final String PRACTICE = "Y90001";
    public static final String OTHER_PRACTICE = "Y90002";
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private Inboxes() {
    }

    public static String linkWorker() {
        return TestTokens.bearer("lw.demo", "link-worker", PRACTICE);
    }

    public static String gp() {
        return TestTokens.bearer("gp.demo", "referrer", PRACTICE);
    }

    public static String uniqueOrganisation() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String uniqueUser(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    public static MatchProposed match(String referralId, String organisation, String linkWorker, int proposals) {
        return new MatchProposed(referralId, "p-" + UUID.randomUUID(), organisation, linkWorker, IntStream.rangeClosed(1, proposals)
                .mapToObj(rank -> new MatchProposed.Proposal(rank, "svc-" + rank, "Activity " + rank, "org-1", 1.0 / rank, 1.5,
                        List.of("meets loneliness"), List.of()))
                .toList(), List.of(), Instant.now());
    }

    public static ReferralStatusChanged statusChange(String referralId, String organisation, String linkWorker, String from,
            String to, String byRole) {
        return new ReferralStatusChanged(referralId, "p-" + UUID.randomUUID(), organisation, linkWorker, from, to, null, byRole,
                Instant.now());
    }

    /** The first 100 notifications of the caller's inbox. */
    public static JsonPath inbox(String bearer) {
        return given().header("Authorization", bearer).queryParam("size", 100).get("/notifications")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The caller's notifications about one referral. */
    public static List<Map<String, Object>> about(String bearer, String referralId) {
        return inbox(bearer).<Map<String, Object>>getList("items").stream()
                .filter(n -> referralId.equals(n.get("referralId"))).toList();
    }

    public static List<Map<String, Object>> awaitAbout(String bearer, String referralId, int count) {
        return Awaitility.await().atMost(PATIENCE).until(() -> about(bearer, referralId), n -> n.size() >= count);
    }

    public static JsonPath awaitInbox(String bearer, Predicate<JsonPath> done) {
        return Awaitility.await().atMost(PATIENCE).until(() -> inbox(bearer), done::test);
    }
}
