package org.linkwork.referral.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class IdempotencyKeyTest {

    private static long referralsOf(String nhs) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager().createNativeQuery(
                "select count(*) from referral r join person p on p.id = r.person_id where p.nhs_number_index = ?1")
                .setParameter(1, org.linkwork.referral.privacy.FieldEncryption.configured().index(nhs)).getSingleResult()).longValue());
    }

    @Test
    void theSameKeyAndBodyGetTheFirstResultAndNothingRunsTwice() {
        Referrals.ensureTeam();
        String key = UUID.randomUUID().toString();
        String nhs = Referrals.nhsNumber();
        String body = Referrals.body(nhs);
        var first = given().header("Authorization", Referrals.gp()).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/referrals").then().statusCode(201).extract();
        var retry = given().header("Authorization", Referrals.gp()).header("Idempotency-Key", key).contentType("application/json")
                .body(body).post("/referrals").then().statusCode(201).header("Idempotent-Replayed", "true").extract();
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(referralsOf(nhs)).isEqualTo(1);

        String id = first.path("id");
        // one referral-created only: a marker referral published after shows the stream has moved past any duplicate
        String marker = Referrals.create();
        List<ConsumerRecord<String, String>> seen = TopicProbe.awaitRecords(List.of("referral-created"),
                records -> records.stream().anyMatch(r -> marker.equals(r.key())), Duration.ofSeconds(20));
        assertThat(seen.stream().filter(r -> id.equals(r.key()))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        Referrals.ensureTeam();
        String key = UUID.randomUUID().toString();
        given().header("Authorization", Referrals.gp()).header("Idempotency-Key", key).contentType("application/json")
                .body(Referrals.body(Referrals.nhsNumber())).post("/referrals").then().statusCode(201);
        given().header("Authorization", Referrals.gp()).header("Idempotency-Key", key).contentType("application/json")
                .body(Referrals.body(Referrals.nhsNumber())).post("/referrals").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("urn:linkwork:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void keysBelongToTheirSenderAndWorkOnEveryPost() {
        String key = UUID.randomUUID().toString();
        String id = Referrals.create();
        // the same key from another user is a different key
        given().header("Authorization", Referrals.gp()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"text\":\"first\"}").post("/referrals/" + id + "/notes").then().statusCode(201);
        given().header("Authorization", Referrals.linkWorker()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"text\":\"first\"}").post("/referrals/" + id + "/notes").then().statusCode(201);
        given().header("Authorization", Referrals.linkWorker()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"text\":\"first\"}").post("/referrals/" + id + "/notes").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(given().header("Authorization", Referrals.gp()).get("/referrals/" + id + "/notes").then().extract().jsonPath()
                .getList("text")).hasSize(2);
        // a status change retried does not become an illegal second move
        String statusKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Referrals.linkWorker()).header("Idempotency-Key", statusKey).contentType("application/json")
                    .body("{\"status\":\"accepted\"}").post("/referrals/" + id + "/status").then().statusCode(200)
                    .body("status", equalTo("accepted"));
        }
        // a refused request is remembered as refused
        String badKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Referrals.linkWorker()).header("Idempotency-Key", badKey).contentType("application/json")
                    .body("{\"status\":\"completed\"}").post("/referrals/" + id + "/status").then().statusCode(409);
        }
        // self-referrals too, by client address
        String selfKey = UUID.randomUUID().toString();
        String form = """
                {"givenName":"Idem","familyName":"Potent","postcode":"LS6 1AA","email":"idem@example.org",
                 "inOwnWords":"I would like to meet people","consent":true}""";
        String a = given().header("X-Forwarded-For", "203.0.113.9").header("Idempotency-Key", selfKey).contentType("application/json")
                .body(form).post("/self-referrals").then().statusCode(201).extract().path("reference");
        String b = given().header("X-Forwarded-For", "203.0.113.9").header("Idempotency-Key", selfKey).contentType("application/json")
                .body(form).post("/self-referrals").then().statusCode(201).extract().path("reference");
        assertThat(b).isEqualTo(a);
        given().header("Authorization", TestTokens.bearer("gp.demo", "referrer", Referrals.PRACTICE)).header("Idempotency-Key", " ")
                .contentType("application/json").body(Referrals.body(Referrals.nhsNumber())).post("/referrals").then().statusCode(400);
    }
}
