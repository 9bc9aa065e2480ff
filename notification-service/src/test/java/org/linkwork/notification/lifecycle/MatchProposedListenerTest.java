package org.linkwork.notification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.NotificationDelivered;
import org.linkwork.events.Topic;
import org.linkwork.notification.Inboxes;
import org.linkwork.notification.inbox.Notification;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class MatchProposedListenerTest {

    @Inject
    EntityManager em;

    @Test
    void theLinkWorkerAndTheReferringPracticeAreToldAndNobodyElse() {
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.match(referral, Inboxes.PRACTICE, "lw.demo", 3));

        String ref = referral.substring(0, 8);
        // the practice's referrers' notice is theirs: a link worker carrying the practice's org_id does not read it
        List<Map<String, Object>> forReferrers = Inboxes.awaitAbout(Inboxes.gp(), referral, 1);
        assertThat(forReferrers).extracting(n -> n.get("title"))
                .containsExactly("Linkwork proposed 3 community activities for referral " + ref);
        // both were placed in one transaction
        List<Map<String, Object>> forLinkWorker = Inboxes.about(Inboxes.linkWorkerCarryingThePractice(), referral);
        assertThat(forLinkWorker).extracting(n -> n.get("title"))
                .containsExactly("Linkwork proposed 3 community activities for referral " + ref);
        Map<String, Object> ready = forLinkWorker.get(0);
        assertThat((String) ready.get("body")).endsWith("Review them and choose with the person.");
        assertThat(ready.get("read")).isEqualTo(false);
        assertThat(ready.get("createdAt")).isNotNull();
        assertThat(ready.get("id")).isNotEqualTo(forReferrers.get(0).get("id"));
        assertThat(Inboxes.about(TestTokens.bearer("provider.y", "provider", Inboxes.PRACTICE), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer("gp.other", "referrer", Inboxes.OTHER_PRACTICE), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer("lw.other", "link-worker", Inboxes.OTHER_PRACTICE), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer("provider.demo", "provider", "org-leeds-walking"), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer("admin.demo", "admin", null), referral)).isEmpty();
    }

    @Test
    void eachNotificationPlacedIsAnnouncedAsDeliveredWithoutPersonalData() {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        var match = Inboxes.match(referral, organisation, linkWorker, 2);
        String eventId = TopicProbe.publish(match);

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of(Topic.NOTIFICATION_DELIVERED.topicName()),
                seen -> delivered(seen, eventId).size() == 2, Inboxes.PATIENCE);
        List<ConsumerRecord<String, String>> mine = delivered(records, eventId);
        List<NotificationDelivered> events = mine.stream().map(r -> EventJson.read(r.value(), NotificationDelivered.class)).toList();
        assertThat(events).extracting(NotificationDelivered::recipientKind).containsExactlyInAnyOrder("link-worker", "referrer");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.channel()).isEqualTo("inbox");
            assertThat(e.referralId()).isEqualTo(referral);
            assertThat(e.deliveredAt()).isNotNull();
        });
        assertThat(mine).allSatisfy(r -> {
            assertThat(TopicProbe.header(r, "ce_type")).isEqualTo("linkwork.notification.delivered.v1");
            assertThat(TopicProbe.header(r, "ce_source")).isEqualTo("/linkwork/notification-service");
            assertThat(r.key()).isEqualTo(EventJson.read(r.value(), NotificationDelivered.class).notificationId());
            assertThat(r.value()).doesNotContain(match.personRef(), linkWorker, organisation);
        });

        // the notifications announced are the ones in the inboxes
        String linkWorkerToken = TestTokens.bearer(linkWorker, "link-worker", Inboxes.uniqueOrganisation());
        String referrerToken = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        List<Object> inInboxes = new java.util.ArrayList<>(Inboxes.inbox(linkWorkerToken).getList("items.id"));
        inInboxes.addAll(Inboxes.inbox(referrerToken).getList("items.id"));
        assertThat(inInboxes).containsExactlyInAnyOrderElementsOf(events.stream().map(NotificationDelivered::notificationId).toList());
    }

    @Test
    void anEmptyMatchTellsOnlyTheLinkWorker() {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.match(referral, organisation, linkWorker, 0));

        // a link worker of another team, so the practice's inbox is not theirs
        List<Map<String, Object>> told = Inboxes.awaitAbout(
                TestTokens.bearer(linkWorker, "link-worker", Inboxes.uniqueOrganisation()), referral, 1);
        assertThat(told).extracting(n -> n.get("title"))
                .containsExactly("Linkwork found no activity matches for referral " + referral.substring(0, 8));
        // placed in the same transaction as the link worker's, so it would be visible by now
        assertThat(Inboxes.inbox(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation)).getLong("total")).isZero();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String linkWorker = Inboxes.uniqueUser("lw");
        String organisation = Inboxes.uniqueOrganisation();
        String referral = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String payload = EventJson.write(Inboxes.match(referral, organisation, linkWorker, 2));
        TopicProbe.publish(Topic.MATCH_PROPOSED, referral, payload, eventId);
        // the link worker's notice and the practice's referrers' notice: two inboxes
        String token = TestTokens.bearer(linkWorker, "link-worker", organisation);
        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        Inboxes.awaitAbout(token, referral, 1);
        Inboxes.awaitAbout(referrer, referral, 1);

        // the same event again, then a marker after it on the same key, so on the same partition
        TopicProbe.publish(Topic.MATCH_PROPOSED, referral, payload, eventId);
        String markerId = TopicProbe.publish(Inboxes.match(referral, organisation, linkWorker, 1));
        Inboxes.awaitAbout(token, referral, 2);
        Inboxes.awaitAbout(referrer, referral, 2);

        assertThat(Inboxes.about(token, referral)).hasSize(2);
        assertThat(Inboxes.about(referrer, referral)).hasSize(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("sourceEventId", eventId))).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("sourceEventId", markerId))).isEqualTo(2);
        assertThat(deliveredRowsInOutbox(eventId)).isEqualTo(2);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String notJson = UUID.randomUUID().toString();
        String noReferral = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.MATCH_PROPOSED, "broken", "{this is not json", notJson);
        TopicProbe.publish(Topic.MATCH_PROPOSED, "broken",
                EventJson.write(Inboxes.match("not-a-uuid", Inboxes.PRACTICE, "lw.demo", 1)), noReferral);

        TopicProbe.awaitRecords(List.of("match-proposed.dlq.notification-service"),
                seen -> seen.stream().map(r -> TopicProbe.header(r, "ce_id")).toList().containsAll(List.of(notJson, noReferral)),
                Inboxes.PATIENCE);

        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.match(referral, null, linkWorker, 1));
        assertThat(Inboxes.awaitAbout(TestTokens.bearer(linkWorker, "link-worker", null), referral, 1))
                .extracting(n -> n.get("title")).containsExactly("Linkwork proposed 1 community activity for referral " + referral.substring(0, 8));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("sourceEventId in ?1", List.of(notJson, noReferral))))
                .isZero();
    }

    private long deliveredRowsInOutbox(String sourceEventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where topic = 'notification-delivered' and payload like :source")
                .setParameter("source", "%\"sourceEventId\":\"" + sourceEventId + "\"%").getSingleResult()).longValue());
    }

    static List<ConsumerRecord<String, String>> delivered(List<ConsumerRecord<String, String>> records, String sourceEventId) {
        return records.stream().filter(r -> r.value() != null
                && sourceEventId.equals(EventJson.read(r.value(), NotificationDelivered.class).sourceEventId())).toList();
    }
}
