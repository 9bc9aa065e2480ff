package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** A referral changed status: tell the practice's referrers and, when another person made it, its link worker. */
@ApplicationScoped
public class ReferralStatusChangedListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;

    ReferralStatusChangedListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    @Incoming("referral-status-changed")
    @Blocking
    @Transactional
    public void onStatusChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        dispatch.send(event.id(), rules.forStatusChange(event.payloadAs(ReferralStatusChanged.class)));
    }
}
