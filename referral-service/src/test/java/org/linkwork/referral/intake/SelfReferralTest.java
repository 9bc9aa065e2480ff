package org.linkwork.referral.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class SelfReferralTest {

    private static final AtomicInteger ADDRESSES_GIVEN = new AtomicInteger();

    /** A client address no other call has had (TEST-NET-2), so no test shares another's self-referral count. */
    static String someAddress() {
        return "198.51.100." + (ADDRESSES_GIVEN.incrementAndGet() % 254 + 1);
    }

    static String form(String givenName) {
        return """
                {"givenName":"%s","familyName":"Selfwright","dateOfBirth":"1961-07-14","postcode":"LS6 3BB",
                 "phone":"07700 900777","inOwnWords":"Since I retired I don't see anyone most days and I feel low",
                 "needs":["loneliness"],"consent":true}""".formatted(givenName);
    }

    @Test
    void aPersonRefersThemselvesWithoutAnNhsNumberAndReachesTheAreasTeam() {
        Referrals.ensureTeam();
        String id = given().header("X-Forwarded-For", someAddress()).contentType("application/json").body(form("Sam"))
                .post("/self-referrals").then().statusCode(201).body("status", equalTo("received"))
                .body("whatHappensNext", org.hamcrest.Matchers.containsString("link worker")).extract().path("reference");
        // the LS6 team picked it up; the words are kept for the link worker
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id).then().statusCode(200)
                .body("source", equalTo("self")).body("linkWorker", equalTo("lw.demo")).body("person.nhsNumber", org.hamcrest.Matchers.nullValue())
                .body("inOwnWords", equalTo("Since I retired I don't see anyone most days and I feel low"));
        // a self-referral is not the practice's to see
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id).then().statusCode(404);
    }

    @Test
    void aSelfReferralNeedsConsentAndAWayToReachThePerson() {
        String address = someAddress();
        given().header("X-Forwarded-For", address).contentType("application/json")
                .body(form("Pat").replace("\"consent\":true", "\"consent\":false")).post("/self-referrals")
                .then().statusCode(400).body("errors.field", hasItem("consent"));
        given().header("X-Forwarded-For", address).contentType("application/json")
                .body(form("Pat").replace("\"phone\":\"07700 900777\",", "")).post("/self-referrals")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("telephone number or an e-mail"));
        given().header("X-Forwarded-For", address).contentType("application/json")
                .body(form("Pat").replace("\"inOwnWords\":\"Since I retired I don't see anyone most days and I feel low\",", ""))
                .post("/self-referrals").then().statusCode(400).body("errors.field", hasItem("inOwnWords"));
    }

    @Test
    void selfReferralsAreLimitedPerClientAddress() {
        String address = someAddress();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", address).contentType("application/json").body(form("Lim" + (char) ('a' + i)))
                    .post("/self-referrals").then().statusCode(201);
        }
        given().header("X-Forwarded-For", address).contentType("application/json").body(form("Limd"))
                .post("/self-referrals").then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:too-many-requests"))
                .body("retryAfterSeconds", org.hamcrest.Matchers.greaterThan(0));
        // another address is not held back
        given().header("X-Forwarded-For", someAddress()).contentType("application/json").body(form("Other"))
                .post("/self-referrals").then().statusCode(201);
    }

    @Test
    void aKnownPersonsRecordIsNotRewrittenByAnAnonymousForm() {
        Referrals.ensureTeam();
        String id = given().header("X-Forwarded-For", someAddress()).contentType("application/json").body(form("Kim"))
                .post("/self-referrals").then().statusCode(201).extract().path("reference");
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body("{\"status\":\"withdrawn\",\"reasonCode\":\"test\"}").post("/referrals/" + id + "/status").then().statusCode(200);
        String second = given().header("X-Forwarded-For", someAddress()).contentType("application/json")
                .body(form("Kim").replace("07700 900777", "07700 900999")).post("/self-referrals").then().statusCode(201)
                .extract().path("reference");
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + second).then()
                .body("person.phone", equalTo("07700 900777"));
        assertThat(given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + second + "/notes").then().statusCode(200)
                .extract().jsonPath().getList("text", String.class)).anyMatch(t -> t.contains("07700 900999"));
        // while one is open, a second is refused without saying whose
        given().header("X-Forwarded-For", someAddress()).contentType("application/json").body(form("Kim")).post("/self-referrals")
                .then().statusCode(409).body("existingReferralId", org.hamcrest.Matchers.nullValue());
    }
}
