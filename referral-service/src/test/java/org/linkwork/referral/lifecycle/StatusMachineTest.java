package org.linkwork.referral.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class StatusMachineTest {

    private static io.restassured.response.ValidatableResponse move(String token, String id, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body)
                .post("/referrals/" + id + "/status").then();
    }

    @Test
    void eachStepRecordsWhoWhenAndWhyAndIsPublished() {
        String id = Referrals.create();
        move(Referrals.linkWorker(), id, "{\"status\":\"accepted\",\"comment\":\"Spoke to the practice\"}").statusCode(200)
                .body("status", equalTo("accepted"));
        move(Referrals.linkWorker(), id, "{\"status\":\"contacted\"}").statusCode(200).body("firstContactedAt", org.hamcrest.Matchers.notNullValue());

        List<StatusChange> changes = QuarkusTransaction.requiringNew().call(() ->
                StatusChange.<StatusChange>list("referralId = ?1 order by changedAt", UUID.fromString(id)));
        assertThat(changes).extracting(c -> c.toStatus).containsExactly("accepted", "contacted");
        assertThat(changes.get(0).changedBy).isEqualTo("lw.demo");
        assertThat(changes.get(0).changedRole).isEqualTo("link-worker");
        assertThat(changes.get(0).comment).isEqualTo("Spoke to the practice");
        assertThat(changes.get(0).changedAt).isNotNull();

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of("referral-status-changed"),
                seen -> seen.stream().filter(r -> id.equals(r.key())).count() == 2, Duration.ofSeconds(20));
        List<ReferralStatusChanged> events = records.stream().filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value(), ReferralStatusChanged.class)).toList();
        assertThat(events).extracting(ReferralStatusChanged::toStatus).containsExactly("accepted", "contacted");
        assertThat(events.get(1).fromStatus()).isEqualTo("accepted");
        // the comment is free text: it stays here
        assertThat(records.stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value)).noneMatch(v -> v.contains("practice\""));
        assertThat(records.stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value)).noneMatch(v -> v.contains("Spoke"));
    }

    @Test
    void anIllegalStepIs409WithTheAllowedOnesListed() {
        String id = Referrals.create();
        move(Referrals.linkWorker(), id, "{\"status\":\"completed\"}").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:linkwork:problem:invalid-transition"))
                .body("currentStatus", equalTo("received"))
                .body("allowed", containsInAnyOrder("accepted", "rejected", "withdrawn"));
        // matched comes only from matching
        Referrals.contact(id);
        move(Referrals.linkWorker(), id, "{\"status\":\"matched\"}").statusCode(409)
                .body("allowed", containsInAnyOrder("unable-to-contact", "declined", "withdrawn"));
        given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("contacted")).body("allowed", containsInAnyOrder("unable-to-contact", "declined", "withdrawn"));
    }

    @Test
    void exitsNeedAReasonAndAreFinal() {
        String id = Referrals.create();
        move(Referrals.linkWorker(), id, "{\"status\":\"rejected\"}").statusCode(400).body("errors.field", hasItem("reasonCode"));
        move(Referrals.linkWorker(), id, "{\"status\":\"rejected\",\"reasonCode\":\"Not Appropriate!\"}").statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        move(Referrals.linkWorker(), id, "{\"status\":\"rejected\",\"reasonCode\":\"not-appropriate\"}").statusCode(200);
        move(Referrals.linkWorker(), id, "{\"status\":\"accepted\"}").statusCode(409).body("allowed", equalTo(List.of()));
        move(Referrals.linkWorker(), id, "{\"status\":\"paused\"}").statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void aReferrerMayOnlyWithdrawTheirOwnReferral() {
        String id = Referrals.create();
        move(Referrals.gp(), id, "{\"status\":\"accepted\"}").statusCode(409).body("allowed", equalTo(List.of("withdrawn")));
        move(Referrals.gp(), id, "{\"status\":\"withdrawn\",\"reasonCode\":\"referred-elsewhere\"}").statusCode(200)
                .body("status", equalTo("withdrawn"));
    }

    @Test
    void theMachineHasNoWayOutOfItsFinalStatuses() {
        for (ReferralStatus s : ReferralStatus.values()) {
            boolean last = !s.isOpen();
            assertThat(Transitions.allowedFor(s, Transitions.SYSTEM).isEmpty()).as(s.code()).isEqualTo(last);
        }
        assertThat(Transitions.allowedFor(ReferralStatus.MATCHED, Transitions.SYSTEM)).contains(ReferralStatus.ASSESSED, ReferralStatus.IN_ACTIVITY);
        assertThat(Transitions.allowedFor(ReferralStatus.ASSESSED, "link-worker")).doesNotContain(ReferralStatus.MATCHED);
        assertThat(Transitions.allowedFor(ReferralStatus.RECEIVED, "provider")).isEmpty();
    }
}
