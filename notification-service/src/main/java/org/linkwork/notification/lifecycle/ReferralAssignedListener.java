package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.notification.referrals.ReferralTeam;
import org.linkwork.notification.rules.Notifications;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** A referral was given to a link worker: they and the previous one are told, the person meets them, and the team is noted. */
@ApplicationScoped
public class ReferralAssignedListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;

    ReferralAssignedListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    @Incoming("referral-assigned")
    @Blocking
    @Transactional
    public void onAssigned(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        ReferralAssigned assigned = event.payloadAs(ReferralAssigned.class);
        Notifications notifications = rules.forAssignment(assigned, event.id()); // checks the event first
        ReferralTeam.note(UUID.fromString(assigned.referralId()), assigned.referrerOrganization(), assigned.linkWorker(),
                assigned.linkWorkerName());
        dispatch.send(event.id(), notifications);
    }
}
