package org.linkwork.referral;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.linkwork.platform.testing.TestTokens;

/** Test data: valid referrals, NHS numbers and the demo organisations' tokens. */
public final class Referrals {

    public static final String PRACTICE = "Y90001";
    public static final String OTHER_PRACTICE = "Y90002";

    private Referrals() {
    }

    public static String gp() {
        return TestTokens.bearer("gp.demo", "referrer", PRACTICE);
    }

    public static String linkWorker() {
        return TestTokens.bearer("lw.demo", "link-worker", PRACTICE);
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
                 "postcode":"ls6 2aa","phone":"07700 900123","email":"ann@example.org"},
                 "needs":["loneliness","physical-activity"],"reason":"Lives alone since her husband died",
                 "urgency":"routine","consent":{"given":true,"recordedAt":"%s"}}""".formatted(nhsNumber, Instant.now().minusSeconds(60));
    }

    /** Posts a valid referral as the demo GP; returns its id. */
    public static String create() {
        return given().header("Authorization", gp()).contentType("application/json").body(body(nhsNumber()))
                .post("/referrals").then().statusCode(201).extract().path("id");
    }

    public static void assess(String id) {
        given().header("Authorization", linkWorker()).contentType("application/json")
                .body("""
                        {"needs":["loneliness","physical-activity"],"deliveryModes":["in-person"],"preferredDays":["tue","thu"],
                         "postcode":"LS6 2AA","maxTravelKm":5}""")
                .post("/referrals/" + id + "/assessment").then().statusCode(200);
    }
}
