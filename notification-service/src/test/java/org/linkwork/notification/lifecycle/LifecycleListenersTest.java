package org.linkwork.notification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.events.EventJson;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.events.Topic;
import org.linkwork.notification.Inboxes;
import org.linkwork.notification.testing.NotificationTestResources;
import org.linkwork.platform.testing.TestTokens;
import org.linkwork.platform.testing.TopicProbe;

/** The newer lifecycle topics reach the right staff inboxes, and their poison goes to dead letters. */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class LifecycleListenersTest {

    private static ActivityReferralUpdated activity(String referral, String provider, String linkWorker, String status, String reason) {
        return new ActivityReferralUpdated("ar-" + UUID.randomUUID(), referral, "p-" + UUID.randomUUID(), "svc-1", "physical-activity",
                provider, Inboxes.PRACTICE, linkWorker, status, reason, 0, null, Instant.now());
    }

    @Test
    void theProviderHearsOfNewAndCancelledActivityReferralsAndTheLinkWorkerOfItsAnswer() {
        String provider = Inboxes.uniqueOrganisation();
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        String providerToken = TestTokens.bearer(Inboxes.uniqueUser("provider"), "provider", provider);
        String linkWorkerToken = TestTokens.bearer(linkWorker, "link-worker", null);

        TopicProbe.publish(activity(referral, provider, linkWorker, "requested", null));
        assertThat(Inboxes.awaitAbout(providerToken, referral, 1)).extracting(n -> n.get("title"))
                .containsExactly("A link worker asked for a place on your activity");
        TopicProbe.publish(activity(referral, provider, linkWorker, "rejected", "no-capacity"));
        assertThat(Inboxes.awaitAbout(linkWorkerToken, referral, 1)).singleElement().satisfies(n -> {
            assertThat(n.get("title")).isEqualTo("The provider turned down the activity referral");
            assertThat((String) n.get("body")).contains("Reason: no capacity.");
        });
        TopicProbe.publish(activity(referral, provider, linkWorker, "cancelled", null));
        assertThat(Inboxes.awaitAbout(providerToken, referral, 2)).extracting(n -> n.get("title"))
                .containsExactly("The link worker cancelled an activity referral", "A link worker asked for a place on your activity");
        // another provider hears nothing, nor a referrer or link worker carrying the provider's org_id
        assertThat(Inboxes.about(TestTokens.bearer("provider.other", "provider", Inboxes.uniqueOrganisation()), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer(Inboxes.uniqueUser("gp"), "referrer", provider), referral)).isEmpty();
        assertThat(Inboxes.about(TestTokens.bearer(Inboxes.uniqueUser("lw"), "link-worker", provider), referral)).isEmpty();
    }

    @Test
    void anOverdueReferralRemindsItsLinkWorker() {
        String linkWorker = Inboxes.uniqueUser("lw");
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(new ReferralOverdue(referral, "p-1", Inboxes.PRACTICE, linkWorker, "received",
                Instant.parse("2026-05-28T12:00:00Z"), Instant.now()));
        assertThat(Inboxes.awaitAbout(TestTokens.bearer(linkWorker, "link-worker", null), referral, 1)).singleElement()
                .satisfies(n -> assertThat((String) n.get("body")).contains("28 May 2026"));
    }

    @Test
    void aDirectoryReviewReachesTheProvidersInbox() {
        String provider = Inboxes.uniqueOrganisation();
        TopicProbe.publish(new DirectoryReviewDue("svc-" + UUID.randomUUID(), "Tuesday walk and talk", provider, LocalDate.parse("2025-11-03"),
                Instant.now()));
        String token = TestTokens.bearer(Inboxes.uniqueUser("provider"), "provider", provider);
        var inbox = Inboxes.awaitInbox(token, i -> i.getLong("total") == 1);
        assertThat(inbox.getString("items[0].title")).isEqualTo("Please check your directory entry");
        assertThat(inbox.getString("items[0].referralId")).isNull();
    }

    @Test
    void poisonOnTheNewTopicsGoesToTheirDeadLetterTopics() {
        String badActivity = UUID.randomUUID().toString();
        String badReview = UUID.randomUUID().toString();
        String badContact = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.ACTIVITY_REFERRAL_UPDATED, "broken",
                EventJson.write(activity("not-a-uuid", "org-1", "lw.demo", "requested", null)), badActivity);
        TopicProbe.publish(Topic.DIRECTORY_REVIEW_DUE, "broken", "{\"serviceId\":", badReview);
        TopicProbe.publish(Topic.PERSON_CONTACT_CHANGED, "p-broken",
                "{\"personRef\":\"p-broken\",\"preferredChannel\":\"pigeon\",\"changedAt\":\"2026-01-01T00:00:00Z\"}", badContact);
        for (var expected : List.of(List.of("activity-referral-updated.dlq.notification-service", badActivity),
                List.of("directory-review-due.dlq.notification-service", badReview),
                List.of("person-contact-changed.dlq.notification-service", badContact))) {
            TopicProbe.awaitRecords(List.of(expected.get(0)),
                    seen -> seen.stream().anyMatch(r -> expected.get(1).equals(TopicProbe.header(r, "ce_id"))), Inboxes.PATIENCE);
        }
        // and the consumer goes on
        String provider = Inboxes.uniqueOrganisation();
        String referral = UUID.randomUUID().toString();
        TopicProbe.publish(activity(referral, provider, "lw.demo", "requested", null));
        Inboxes.awaitAbout(TestTokens.bearer(Inboxes.uniqueUser("provider"), "provider", provider), referral, 1);
    }
}
