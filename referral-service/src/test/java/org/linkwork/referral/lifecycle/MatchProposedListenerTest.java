package org.linkwork.referral.lifecycle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.Topic;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;
import org.linkwork.referral.Referrals;

@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class MatchProposedListenerTest {

    private static MatchProposed proposalFor(String referralId) {
        return new MatchProposed(referralId, "p-" + UUID.randomUUID(), Referrals.PRACTICE, "lw.demo",
                List.of(new MatchProposed.Proposal(1, "svc-walk", "Walk and talk", "org-1", 0.9, 1.2, List.of("1.2 km away"), List.of())),
                List.of(), Instant.now());
    }

    private static String status(String id) {
        return given().header("Authorization", Referrals.linkWorker()).get("/referrals/" + id).then().statusCode(200)
                .extract().path("status");
    }

    private static long changesTo(String id, String status) {
        return QuarkusTransaction.requiringNew().call(() -> StatusChange.count("referralId = ?1 and toStatus = ?2", UUID.fromString(id), status));
    }

    @Test
    void aProposalMovesAnAssessedReferralToMatchedExactlyOnce() {
        String id = Referrals.create();
        Referrals.assess(id);
        String eventId = UUID.randomUUID().toString();
        String payload = EventJson.write(proposalFor(id));
        TopicProbe.publish(Topic.MATCH_PROPOSED, id, payload, eventId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "matched".equals(status(id)));

        // the same event again (a redelivery), then a marker after it on the same key, so the same partition: an
        // unreadable record, which the consumer sets aside only once everything before it is handled
        TopicProbe.publish(Topic.MATCH_PROPOSED, id, payload, eventId);
        String marker = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.MATCH_PROPOSED, id, "{marker", marker);
        TopicProbe.awaitRecords(List.of("match-proposed.dlq.referral-service"),
                seen -> seen.stream().anyMatch(r -> marker.equals(TopicProbe.header(r, "ce_id"))), Duration.ofSeconds(30));
        assertThat(changesTo(id, "matched")).isEqualTo(1);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String poisonId = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.MATCH_PROPOSED, "broken", "{this is not json", poisonId);
        TopicProbe.publish(Topic.MATCH_PROPOSED, "broken", EventJson.write(proposalFor("not-a-uuid")), UUID.randomUUID().toString());

        TopicProbe.awaitRecords(List.of("match-proposed.dlq.referral-service"),
                seen -> seen.stream().anyMatch(r -> poisonId.equals(TopicProbe.header(r, "ce_id"))), Duration.ofSeconds(30));

        String id = Referrals.create();
        Referrals.assess(id);
        TopicProbe.publish(proposalFor(id));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "matched".equals(status(id)));
    }
}
