package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.notification.inbox.InboxDelivery;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** A referral changed status: tell the referring organisation and, where needed, its link worker. */
@ApplicationScoped
public class ReferralStatusChangedListener {

    final ProcessedEvents processed;
    final InboxDelivery delivery;

    ReferralStatusChangedListener(ProcessedEvents processed, InboxDelivery delivery) {
        this.processed = processed;
        this.delivery = delivery;
    }

    @Incoming("referral-status-changed")
    @Blocking
    @Transactional
    public void onStatusChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        delivery.deliver(event.id(), NotificationRules.forStatusChange(event.payloadAs(ReferralStatusChanged.class)));
    }
}
