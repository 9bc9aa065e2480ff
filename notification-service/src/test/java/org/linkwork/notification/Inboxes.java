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

    /** Leeds North PCN, which employs the demo link worker (team leeds-north serves Y90001 and Y90002). */
    public static final String PCN = "U90001";

    /** lw.demo as the demo realm has them: their org_id is their employer, a PCN, not a practice. */
    public static String linkWorker() {
        return TestTokens.bearer("lw.demo", "link-worker", PCN);
    }

    /** lw.demo as the demo realm had them before issue 12, carrying the practice's org_id: still not a referrer of it. */
    public static String linkWorkerCarryingThePractice() {
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

    /** As events written before they named who acted: a role, no username. */
    public static ReferralStatusChanged statusChange(String referralId, String organisation, String linkWorker, String from,
            String to, String byRole) {
        return new ReferralStatusChanged(referralId, "p-" + UUID.randomUUID(), organisation, linkWorker, from, to, null, byRole,
                Instant.now());
    }

    /** As referral-service writes it now, naming who made the change (null: the platform). */
    public static ReferralStatusChanged statusChange(String referralId, String organisation, String linkWorker, String from,
            String to, String byRole, String by) {
        return new ReferralStatusChanged(referralId, "p-" + UUID.randomUUID(), organisation, linkWorker, from, to, null, byRole,
                Instant.now(), "leeds-north", by);
    }

    /** The first 100 notifications of the caller's inbox. */
    public static JsonPath inbox(String bearer) {
        return given().header("Authorization", bearer).queryParam("size", 100).get("/notifications")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The caller's notifications about one referral, in inbox order, from every page of a busy inbox (lw.demo's, gp.demo's). */
    public static List<Map<String, Object>> about(String bearer, String referralId) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath inbox = given().header("Authorization", bearer).queryParam("size", 100).queryParam("page", page).get("/notifications")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = inbox.getList("items");
            items.stream().filter(n -> referralId.equals(n.get("referralId"))).forEach(found::add);
            if (items.isEmpty() || (long) (page + 1) * 100 >= inbox.getLong("total")) {
                return found;
            }
        }
    }

    public static List<Map<String, Object>> awaitAbout(String bearer, String referralId, int count) {
        return Awaitility.await().atMost(PATIENCE).until(() -> about(bearer, referralId), n -> n.size() >= count);
    }

    public static JsonPath awaitInbox(String bearer, Predicate<JsonPath> done) {
        return Awaitility.await().atMost(PATIENCE).until(() -> inbox(bearer), done::test);
    }
}
