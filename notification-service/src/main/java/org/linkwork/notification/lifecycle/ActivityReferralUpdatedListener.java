package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.notification.delivery.Deliveries;
import org.linkwork.notification.referrals.ReferralTeam;
import org.linkwork.notification.rules.Notifications;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.notification.rules.PersonMessage;
import org.linkwork.notification.rules.Rule;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * An activity referral moved: provider, link worker and person hear what concerns them, and the
 * person's session reminder follows the booking (a new session time replaces it, an ended referral drops it).
 */
@ApplicationScoped
public class ActivityReferralUpdatedListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;
    final Deliveries deliveries;

    ActivityReferralUpdatedListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch, Deliveries deliveries) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
        this.deliveries = deliveries;
    }

    @Incoming("activity-referral-updated")
    @Blocking
    @Transactional
    public void onUpdated(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        ActivityReferralUpdated update = event.payloadAs(ActivityReferralUpdated.class);
        Notifications notifications = rules.forActivityReferral(update, event.id());
        ReferralTeam.note(UUID.fromString(update.referralId()), update.referrerOrganization(), update.linkWorker(), null);
        String reminder = notifications.messages().stream().filter(m -> m.rule() == Rule.SESSION_REMINDER)
                .map(PersonMessage::dedupKey).findFirst().orElse(null);
        deliveries.cancelReminders(update.activityReferralId(), reminder);
        dispatch.send(event.id(), notifications);
    }
}
