package org.linkwork.referral.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.referral.Referral;
import org.linkwork.referral.Referrals;

/** Every kind of bad input is a 400 problem+json naming the field, with nothing stored and no stack trace. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class BadInputTest {

    private ValidatableResponse post(String body) {
        return given().header("Authorization", Referrals.gp()).contentType("application/json").body(body)
                .post("/referrals").then()
                .contentType("application/problem+json")
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    private static String valid() {
        return Referrals.body(Referrals.nhsNumber());
    }

    @Test
    void malformedJson() {
        long before = referrals();
        post("{\"person\": {\"nhsNumber\": ").statusCode(400)
                .body("type", equalTo("urn:linkwork:problem:malformed-json"))
                .body("errors.field", hasItem("$"));
        org.assertj.core.api.Assertions.assertThat(referrals()).isEqualTo(before);
    }

    private static long referrals() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> Referral.count());
    }

    @Test
    void wrongType() {
        post(valid().replace("\"given\":true", "\"given\":\"perhaps\"")).statusCode(400)
                .body("type", equalTo("urn:linkwork:problem:validation-failed"))
                .body("errors.field", hasItem("consent.given"));
        post(valid().replace("\"needs\":[\"loneliness\",\"physical-activity\"]", "\"needs\":{\"a\":1}")).statusCode(400)
                .body("errors.field", hasItem("needs"));
    }

    @Test
    void missingFields() {
        post("{\"needs\":[\"loneliness\"],\"consent\":{\"given\":true,\"recordedAt\":\"2026-01-01T00:00:00Z\"}}").statusCode(400)
                .body("errors.field", hasItem("person"));
        post(valid().replace("\"givenName\":\"Ann\",", "")).statusCode(400)
                .body("errors.field", hasItem("person.givenName"));
        post("").statusCode(400);
    }

    @Test
    void unknownEnumValues() {
        post(valid().replace("\"physical-activity\"", "\"space-travel\"")).statusCode(400)
                .body("errors.field", hasItem("needs[1]"))
                .body("errors.message", hasItem(containsString("loneliness")));
        post(valid().replace("\"routine\"", "\"whenever\"")).statusCode(400)
                .body("errors.field", hasItem("urgency"))
                .body("errors.message", hasItem(containsString("routine")));
    }

    @Test
    void unknownFieldsAreNamed() {
        post(valid().replace("\"urgency\"", "\"nhsNo\":\"1\",\"urgency\"")).statusCode(400)
                .body("errors.field", hasItem("nhsNo"));
    }

    @Test
    void domainRules() {
        post(valid().replaceAll("\"nhsNumber\":\"[0-9]+\"", "\"nhsNumber\":\"9434765910\"")).statusCode(400)
                .body("errors.field", hasItem("person.nhsNumber"));
        post(valid().replace("ls6 2aa", "not a postcode")).statusCode(400)
                .body("errors.field", hasItem("person.postcode"));
        post(valid().replace("1950-03-02", LocalDate.now().plusDays(3).toString())).statusCode(400)
                .body("errors.field", hasItem("person.dateOfBirth"));
        post(valid().replace("\"given\":true", "\"given\":false")).statusCode(400)
                .body("errors.field", hasItem("consent.given"));
        post(valid().replace("\"needs\":[\"loneliness\",\"physical-activity\"]", "\"needs\":[]")).statusCode(400)
                .body("errors.field", hasItem("needs"));
        post(valid().replace("\"needs\":[\"loneliness\",", "\"needs\":[null,")).statusCode(400)
                .body("errors.field", hasItem("needs[0]"));
    }

    @Test
    void oversizedFieldsAndBodies() {
        post(valid().replace("Lives alone since her husband died", "x".repeat(2001))).statusCode(400)
                .body("errors.field", hasItem("reason"));
        post(valid().replace("Lives alone since her husband died", "x".repeat(300_000))).statusCode(413)
                .body("type", equalTo("urn:linkwork:problem:payload-too-large"));
    }

    @Test
    void unreadableIdsAndMediaTypes() {
        given().header("Authorization", Referrals.gp()).get("/referrals/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Referrals.gp()).contentType("text/plain").body("hello").post("/referrals")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
