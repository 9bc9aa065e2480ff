package org.linkwork.notification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
class ReferralStatusChangedListenerTest {

    @Test
    void theReferrersAndTheLinkWorkerHearOfAChangeAnotherPersonMade() {
        String referral = UUID.randomUUID().toString();
        String ref = referral.substring(0, 8);
        String eventId = TopicProbe.publish(Inboxes.statusChange(referral, Inboxes.PRACTICE, "lw.demo", "contacted", "unable-to-contact",
                "admin", "admin.demo"));

        List<Map<String, Object>> forGp = Inboxes.awaitAbout(Inboxes.gp(), referral, 1);
        assertThat(forGp).extracting(n -> n.get("title"))
                .containsExactly("An administrator closed referral " + ref + ": the person could not be contacted");
        assertThat((String) forGp.get(0).get("body")).contains(ref).doesNotContain(referral, "admin.demo");
        // the link worker hears it once, as the link worker: carrying the practice's org_id adds nothing
        assertThat(Inboxes.about(Inboxes.linkWorkerCarryingThePractice(), referral)).extracting(n -> n.get("title")).containsExactly(
                "An administrator closed referral " + ref + ": the person could not be contacted");
        assertThat(Inboxes.about(TestTokens.bearer("gp.other", "referrer", Inboxes.OTHER_PRACTICE), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer("lw.other", "link-worker", Inboxes.OTHER_PRACTICE), referral)).isEmpty();

        List<ConsumerRecord<String, String>> records = TopicProbe.awaitRecords(List.of(Topic.NOTIFICATION_DELIVERED.topicName()),
                seen -> MatchProposedListenerTest.delivered(seen, eventId).size() == 2, Inboxes.PATIENCE);
        assertThat(MatchProposedListenerTest.delivered(records, eventId))
                .extracting(r -> EventJson.read(r.value(), NotificationDelivered.class))
                .extracting(NotificationDelivered::recipientKind, NotificationDelivered::channel, NotificationDelivered::referralId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("referrer", "inbox", referral),
                        org.assertj.core.groups.Tuple.tuple("link-worker", "inbox", referral));
    }

    @Test
    void aLinkWorkersOwnChangeGoesToTheReferrersOnly() {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.statusChange(referral, organisation, linkWorker, "received", "accepted", "link-worker", linkWorker));

        assertThat(Inboxes.awaitAbout(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation), referral, 1))
                .extracting(n -> n.get("title")).containsExactly("The link worker accepted referral " + referral.substring(0, 8));
        // placed in the same transaction as the referrer's, so it would be visible by now
        assertThat(Inboxes.inbox(TestTokens.bearer(linkWorker, "link-worker", Inboxes.uniqueOrganisation())).getLong("total")).isZero();
    }

    @Test
    void thePlatformsOwnChangeGoesToTheReferrersOnly() {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.statusChange(referral, organisation, linkWorker, "matched", "in-activity", "system", null));

        assertThat(Inboxes.awaitAbout(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation), referral, 1))
                .extracting(n -> n.get("title"))
                .containsExactly("Linkwork recorded that the person on referral " + referral.substring(0, 8) + " started an activity");
        assertThat(Inboxes.inbox(TestTokens.bearer(linkWorker, "link-worker", Inboxes.uniqueOrganisation())).getLong("total")).isZero();
    }

    @Test
    void aReferrersWithdrawalGoesToTheLinkWorkerOnly() {
        String organisation = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.statusChange(referral, organisation, linkWorker, "contacted", "withdrawn", "referrer", "gp.demo"));

        assertThat(Inboxes.awaitAbout(TestTokens.bearer(linkWorker, "link-worker", null), referral, 1)).extracting(n -> n.get("title"))
                .containsExactly("The referrer withdrew referral " + referral.substring(0, 8));
        // placed in the same transaction as the link worker's, so it would be visible by now
        assertThat(Inboxes.inbox(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation)).getLong("total")).isZero();
    }

    @Test
    void withoutAReferrerOrganisationOnlyTheLinkWorkerHears() {
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.statusChange(referral, null, linkWorker, "in-activity", "completed", "provider"));

        List<Map<String, Object>> told = Inboxes.awaitAbout(TestTokens.bearer(linkWorker, "link-worker", null), referral, 1);
        assertThat(told).extracting(n -> n.get("title"))
                .containsExactly("The activity provider recorded that the person on referral " + referral.substring(0, 8)
                        + " finished their activity");
        assertThat((String) told.get(0).get("body")).contains("which is on your caseload");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String organisation = Inboxes.uniqueOrganisation();
        String referrer = TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation);
        String referral = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String payload = EventJson.write(Inboxes.statusChange(referral, organisation, null, "received", "accepted", "link-worker"));
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, referral, payload, eventId);
        Inboxes.awaitAbout(referrer, referral, 1);

        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, referral, payload, eventId);
        TopicProbe.publish(Inboxes.statusChange(referral, organisation, null, "accepted", "contacted", "link-worker"));
        Inboxes.awaitAbout(referrer, referral, 2);

        assertThat(Inboxes.about(referrer, referral)).extracting(n -> n.get("title")).containsExactly(
                "The link worker made first contact with the person on referral " + referral.substring(0, 8),
                "The link worker accepted referral " + referral.substring(0, 8));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("sourceEventId", eventId))).isEqualTo(1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String notJson = UUID.randomUUID().toString();
        String noStatus = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, "broken", "{\"referralId\": ", notJson);
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, "broken", EventJson.write(
                Inboxes.statusChange(UUID.randomUUID().toString(), Inboxes.PRACTICE, null, "received", null, "system")), noStatus);

        TopicProbe.awaitRecords(List.of("referral-status-changed.dlq.notification-service"),
                seen -> seen.stream().map(r -> TopicProbe.header(r, "ce_id")).toList().containsAll(List.of(notJson, noStatus)),
                Inboxes.PATIENCE);

        String organisation = Inboxes.uniqueOrganisation();
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(Inboxes.statusChange(referral, organisation, null, "received", "accepted", "link-worker"));
        assertThat(Inboxes.awaitAbout(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", organisation), referral, 1))
                .extracting(n -> n.get("title")).containsExactly("The link worker accepted referral " + referral.substring(0, 8));
    }
}
