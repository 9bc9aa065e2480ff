package org.linkwork.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.linkwork.notification.rules.Notice;
import org.linkwork.notification.rules.Recipient;
import org.linkwork.notification.rules.Rule;
import org.linkwork.notification.testing.NotificationTestResources;

/** The inbox's own guard against duplicates, beneath the processed-event check the listeners make first. */
@QuarkusTest
@WithTestResource(NotificationTestResources.class)
class InboxDeliveryTest {

    @Inject
    InboxDelivery delivery;

    @Inject
    EntityManager em;

    @Test
    void theSameEventPlacesOneNotificationPerRecipientAndAnnouncesItOnce() {
        String eventId = "evt-" + UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        List<Notice> notices = List.of(
                new Notice(Rule.MATCHES_READY, Recipient.user("lw.demo"), referral, "Activity matches are ready", "..."),
                new Notice(Rule.MATCHES_PROPOSED, Recipient.referrersOf("Y90001"), referral, "Activities proposed", "..."),
                // the referrers and the providers of one organisation are different recipients
                new Notice(Rule.ACTIVITY_REFERRAL_REQUESTED, Recipient.providersOf("Y90001"), referral, "A place, please", "..."),
                // a username and an organisation code that happen to be spelt alike are different recipients
                new Notice(Rule.MATCHES_PROPOSED, Recipient.referrersOf("lw.demo"), referral, "Activities proposed", "..."));

        assertThat(QuarkusTransaction.requiringNew().call(() -> delivery.deliver(eventId, notices))).isEqualTo(4);
        assertThat(QuarkusTransaction.requiringNew().call(() -> delivery.deliver(eventId, notices))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> delivery.deliver(eventId, List.of(notices.get(0))))).isZero();

        assertThat(QuarkusTransaction.requiringNew().call(() -> delivery.deliver(eventId, List.of(notices.get(1), notices.get(2)))))
                .isZero();

        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.count("sourceEventId", eventId))).isEqualTo(4);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list("sourceEventId", eventId).stream()
                .map(n -> n.recipientType + ":" + n.recipient + ":" + n.recipientRole).toList()))
                .containsExactlyInAnyOrder("user:lw.demo:null", "organisation:Y90001:referrer", "organisation:Y90001:provider",
                        "organisation:lw.demo:referrer");
        long announced = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where topic = 'notification-delivered' and payload like :source")
                .setParameter("source", "%\"sourceEventId\":\"" + eventId + "\"%").getSingleResult()).longValue());
        assertThat(announced).isEqualTo(4);
    }
}
