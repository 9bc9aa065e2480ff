package org.linkwork.referral;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.linkwork.platform.testing.TestTokens;

/** Test helpers: tokens, valid NHS numbers, bodies, and referrals walked to a status. */
public final class Referrals {

    public static final String PRACTICE = "Y90001";
    public static final String OTHER_PRACTICE = "Y90002";
    public static final String TEAM = "leeds-north";
    /** The primary care network that employs the demo team's link workers: their org_id, not the practice's. */
    public static final String PCN = "U90001";
    private static volatile boolean teamReady;

    private Referrals() {
    }

    public static String gp() {
        return TestTokens.bearer("gp.demo", "referrer", PRACTICE);
    }

    public static String linkWorker() {
        return TestTokens.bearer("lw.demo", "link-worker", PCN);
    }

    public static String admin() {
        return TestTokens.bearer("admin.demo", "admin", null);
    }

    /** The demo practice's team: lw.demo alone, so its referrals are all lw.demo's. */
    public static void ensureTeam() {
        if (teamReady) {
            return;
        }
        given().header("Authorization", admin()).contentType("application/json")
                .body("""
                        {"name":"Leeds North link workers","organisation":"U90001","practices":["%s"],"areas":["LS6"],
                         "members":[{"username":"lw.demo","displayName":"Lee Demo"}]}""".formatted(PRACTICE))
                .put("/teams/" + TEAM).then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)));
        teamReady = true;
    }

    /** A random NHS number with a correct Modulus 11 check digit. */
    public static String nhsNumber() {
        while (true) {
            int[] d = new int[9];
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                d[i] = ThreadLocalRandom.current().nextInt(10);
                sum += d[i] * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 10) {
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (int x : d) {
                sb.append(x);
            }
            return sb.append(check == 11 ? 0 : check).toString();
        }
    }

    public static String body(String nhsNumber) {
        return """
                {"person":{"nhsNumber":"%s","givenName":"Ann","familyName":"Example","dateOfBirth":"1950-03-02",
                 "postcode":"ls6 2aa","phone":"07700 900123","email":"ann@example.org","sex":"female","ethnicityGroup":"white"},
                 "needs":["loneliness","physical-activity"],"reason":"Lives alone since her husband died",
                 "urgency":"routine","consent":{"given":true,"recordedAt":"%s"}}""".formatted(nhsNumber, Instant.now().minusSeconds(60));
    }

    /** Posts a valid referral as the demo GP; returns its id. */
    public static String create() {
        ensureTeam();
        return given().header("Authorization", gp()).contentType("application/json").body(body(nhsNumber()))
                .post("/referrals").then().statusCode(201).extract().path("id");
    }

    public static void move(String id, String status) {
        given().header("Authorization", linkWorker()).contentType("application/json").body("{\"status\":\"" + status + "\"}")
                .post("/referrals/" + id + "/status").then().statusCode(200);
    }

    /** Accepted, and the person reached. */
    public static void contact(String id) {
        move(id, "accepted");
        move(id, "contacted");
    }

    public static final String ASSESSMENT = """
            {"needs":["loneliness","physical-activity"],
             "goals":[{"text":"Get out of the house twice a week","needArea":"loneliness"}],
             "interests":["walking","gardening"],
             "preferences":{"deliveryModes":["in-person"],"days":["tue","thu"],"timesOfDay":["morning"],"setting":"group","language":"en"},
             "healthConditions":["cardiovascular"],"accessibilityRequirements":["limited-mobility"],"digitalAccess":"none",
             "travel":{"postcode":"LS6 2AA","maxTravelKm":5,"publicTransportOnly":true},"costSensitive":true}""";

    public static final String PROVIDER_ORG = "org-leeds-walking";

    public static String provider() {
        return TestTokens.bearer("provider.demo", "provider", PROVIDER_ORG);
    }

    /** Assessed, then matching proposes the provider's walking group (and another activity); returns the walking group's id. */
    public static String match(String id) {
        assess(id);
        String serviceId = "walk-" + java.util.UUID.randomUUID();
        org.linkwork.platform.testing.TopicProbe.publish(new org.linkwork.events.MatchProposed(id, "p-" + java.util.UUID.randomUUID(),
                PRACTICE, "lw.demo", java.util.List.of(
                        new org.linkwork.events.MatchProposed.Proposal(1, serviceId, "Tuesday walk and talk", PROVIDER_ORG, 0.9, 1.2,
                                java.util.List.of("1.2 km away"), java.util.List.of()),
                        new org.linkwork.events.MatchProposed.Proposal(2, "craft-" + serviceId, "Craft circle", "org-other-provider", 0.7,
                                2.0, java.util.List.of(), java.util.List.of())),
                java.util.List.of(), Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> "matched".equals(
                given().header("Authorization", linkWorker()).get("/referrals/" + id).then().extract().path("status")));
        return serviceId;
    }

    /** Sends an activity referral for the service as the link worker; returns its id. */
    public static String sendActivity(String id, String serviceId, boolean shareContact) {
        return given().header("Authorization", linkWorker()).contentType("application/json")
                .body("{\"serviceId\":\"" + serviceId + "\",\"activityType\":\"walking\",\"shareContact\":" + shareContact + "}")
                .post("/referrals/" + id + "/activity-referrals").then().statusCode(201).extract().path("id");
    }

    /** Moves an activity referral as the given caller; returns the response status. */
    public static int moveActivity(String token, String activityId, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .post("/activity-referrals/" + activityId + "/status").then().extract().statusCode();
    }

    /** Contacted and assessed. */
    public static void assess(String id) {
        contact(id);
        given().header("Authorization", linkWorker()).contentType("application/json").body(ASSESSMENT)
                .post("/referrals/" + id + "/assessment").then().statusCode(200);
    }
}
