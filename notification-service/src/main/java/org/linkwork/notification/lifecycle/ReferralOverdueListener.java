package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** First contact is overdue: remind the link worker. */
@ApplicationScoped
public class ReferralOverdueListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;

    ReferralOverdueListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    @Incoming("referral-overdue")
    @Blocking
    @Transactional
    public void onOverdue(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        dispatch.send(event.id(), rules.forOverdue(event.payloadAs(ReferralOverdue.class)));
    }
}
