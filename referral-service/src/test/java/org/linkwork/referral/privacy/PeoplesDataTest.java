package org.linkwork.referral.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.PersonContactChanged;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class PeoplesDataTest {

    private static Object[] personRow(String referralId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager().createNativeQuery("""
                select p.nhs_number, p.phone, p.email, p.postcode, p.given_name, p.person_ref
                from person p join referral r on r.person_id = p.id where r.id = ?1""")
                .setParameter(1, UUID.fromString(referralId)).getSingleResult());
    }

    @Test
    void nhsNumbersAndContactDetailsAreEncryptedAtRest() {
        String nhs = Referrals.nhsNumber();
        Referrals.ensureTeam();
        String id = given().header("Authorization", Referrals.gp()).contentType("application/json").body(Referrals.body(nhs))
                .post("/referrals").then().statusCode(201).extract().path("id");
        Object[] row = personRow(id);
        for (int i = 0; i < 4; i++) {
            assertThat((String) row[i]).startsWith("v1:");
        }
        assertThat(String.join(" ", (String) row[0], (String) row[1], (String) row[2], (String) row[3]))
                .doesNotContain(nhs, "07700", "ann@example.org", "LS6 2AA");
        // and read back as they were given
        given().header("Authorization", Referrals.gp()).get("/referrals/" + id).then()
                .body("person.nhsNumber", equalTo(nhs)).body("person.email", equalTo("ann@example.org"));
    }

    @Test
    void everyReadAndChangeIsInTheAuditLogForAdmins() {
        String id = Referrals.create();
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id).then().statusCode(200);
        Referrals.move(id, "accepted");
        String personRef = given().header("Authorization", Referrals.gp()).get("/referrals/" + id).then().extract().path("personRef");

        JsonPath audit = given().header("Authorization", Referrals.admin()).queryParam("personRef", personRef).get("/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> actions = audit.getList("items.action", String.class);
        assertThat(actions).containsSubsequence("read", "status", "create"); // newest first
        assertThat(audit.getList("items.actor", String.class)).contains("gp.demo", "lw.demo");
        assertThat(audit.getList("items.actorOrg", String.class)).contains(Referrals.PRACTICE);
        given().header("Authorization", Referrals.linkWorker()).get("/audit").then().statusCode(403);
        given().header("Authorization", Referrals.admin()).queryParam("from", "yesterday").get("/audit")
                .then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void withdrawingConsentStopsTheReferralAndTellsNotificationsToStop() {
        String id = Referrals.create();
        Referrals.contact(id);
        String personRef = given().header("Authorization", Referrals.gp()).post("/referrals/" + id + "/consent-withdrawal")
                .then().statusCode(200).body("status", equalTo("withdrawn")).body("consentWithdrawnAt", org.hamcrest.Matchers.notNullValue())
                .extract().path("personRef");
        // nothing more happens to it
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body(Referrals.ASSESSMENT)
                .post("/referrals/" + id + "/assessment").then().statusCode(409);
        given().header("Authorization", Referrals.gp()).post("/referrals/" + id + "/consent-withdrawal").then().statusCode(409);

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("person-contact-changed"),
                seen -> seen.stream().anyMatch(r -> personRef.equals(r.key()) && r.value() != null && r.value().contains("\"consentWithdrawn\":true")),
                Duration.ofSeconds(20));
        PersonContactChanged last = records.stream().filter(r -> personRef.equals(r.key()) && r.value() != null)
                .map(r -> EventJson.read(r.value(), PersonContactChanged.class)).reduce((a, b) -> b).orElseThrow();
        assertThat(last.consentWithdrawn()).isTrue();
        List<ConsumerRecord<String, String>> status = TopicProbe.awaitRecords(List.of("referral-status-changed"),
                seen -> seen.stream().anyMatch(r -> id.equals(r.key()) && r.value().contains("\"reasonCode\":\"consent-withdrawn\"")),
                Duration.ofSeconds(20));
        assertThat(status).isNotEmpty();
    }

    @Test
    void anAdminExportsEverythingAboutAPersonAndErasesItKeepingThePseudonymousHistory() {
        String id = Referrals.create();
        Referrals.assess(id);
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json").body("{\"text\":\"Walks with a stick\"}")
                .post("/referrals/" + id + "/notes").then().statusCode(201);
        String personRef = given().header("Authorization", Referrals.gp()).get("/referrals/" + id).then().extract().path("personRef");

        JsonPath export = given().header("Authorization", Referrals.admin()).get("/people/" + personRef + "/export").then().statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(personRef)).extract().jsonPath();
        assertThat(export.getString("person.givenName")).isEqualTo("Ann");
        assertThat(export.getString("person.email")).isEqualTo("ann@example.org");
        assertThat(export.getList("referrals")).hasSize(1);
        assertThat(export.getString("referrals[0].notes[0].text")).isEqualTo("Walks with a stick");
        assertThat(export.getString("referrals[0].assessments[0].details.goals[0].text")).isEqualTo("Get out of the house twice a week");
        assertThat(export.getList("referrals[0].statusChanges")).hasSize(3);
        assertThat(export.getList("accessLog.action", String.class)).contains("create", "assess");
        given().header("Authorization", Referrals.linkWorker()).get("/people/" + personRef + "/export").then().statusCode(403);

        given().header("Authorization", Referrals.admin()).post("/people/" + personRef + "/erasure").then().statusCode(200)
                .body("erased", equalTo(true));
        given().header("Authorization", Referrals.admin()).post("/people/" + personRef + "/erasure").then().statusCode(200);

        Object[] row = personRow(id);
        assertThat(row[0]).isNull();
        assertThat(row[1]).isNull();
        assertThat(row[2]).isNull();
        assertThat(row[3]).isNull();
        assertThat(row[4]).isNull();
        assertThat(row[5]).isEqualTo(personRef);
        given().header("Authorization", Referrals.admin()).get("/referrals/" + id).then().statusCode(200)
                .body("person", nullValue()).body("status", equalTo("withdrawn")).body("reason", nullValue())
                .body("needs", equalTo(List.of("loneliness", "physical-activity")));
        given().header("Authorization", Referrals.admin()).get("/referrals/" + id + "/notes").then().body("text", equalTo(java.util.Arrays.asList((String) null)));
        // notification-service is told to forget the person: a tombstone on the restricted topic
        TopicProbe.awaitRecords(List.of("person-contact-changed"), seen -> seen.stream().anyMatch(r -> personRef.equals(r.key()) && r.value() == null),
                Duration.ofSeconds(20));
        given().header("Authorization", Referrals.admin()).get("/people/p-" + UUID.randomUUID() + "/export").then().statusCode(404);
    }

    @Test
    void contactPreferencesGoOnlyToTheRestrictedTopic() {
        String id = Referrals.create();
        String personRef = given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body("""
                        {"phone":"07700 900456","email":"ann@example.org","preferredChannel":"sms","language":"cy",
                         "quietHoursStart":"20:00","quietHoursEnd":"09:00","optedOut":false}""")
                .put("/referrals/" + id + "/contact").then().statusCode(200).body("person.language", equalTo("cy")).extract().path("personRef");
        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("person-contact-changed"),
                seen -> seen.stream().anyMatch(r -> personRef.equals(r.key()) && r.value() != null && r.value().contains("900456")),
                Duration.ofSeconds(20));
        PersonContactChanged event = records.stream().filter(r -> personRef.equals(r.key()) && r.value() != null && r.value().contains("900456"))
                .map(r -> EventJson.read(r.value(), PersonContactChanged.class)).findFirst().orElseThrow();
        assertThat(event.preferredChannel()).isEqualTo("sms");
        assertThat(event.quietHoursStart()).isEqualTo("20:00");
        assertThat(event.language()).isEqualTo("cy");
        given().header("Authorization", Referrals.linkWorker()).contentType("application/json")
                .body("{\"preferredChannel\":\"email\",\"language\":\"en\",\"quietHoursStart\":\"20:00\",\"optedOut\":false}")
                .put("/referrals/" + id + "/contact").then().statusCode(400).body("errors.field", hasItem("quietHoursEnd"));
        given().header("Authorization", Referrals.gp()).contentType("application/json")
                .body("{\"preferredChannel\":\"none\",\"language\":\"en\",\"optedOut\":true}")
                .put("/referrals/" + id + "/contact").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("lw.other", "link-worker", Referrals.OTHER_PRACTICE)).contentType("application/json")
                .body("{\"preferredChannel\":\"none\",\"language\":\"en\",\"optedOut\":true}")
                .put("/referrals/" + id + "/contact").then().statusCode(404);
    }
}
