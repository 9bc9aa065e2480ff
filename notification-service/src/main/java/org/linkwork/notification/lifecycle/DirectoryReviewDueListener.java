package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** A directory entry needs checking: ask its provider. */
@ApplicationScoped
public class DirectoryReviewDueListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;

    DirectoryReviewDueListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    @Incoming("directory-review-due")
    @Blocking
    @Transactional
    public void onReviewDue(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        dispatch.send(event.id(), rules.forReviewDue(event.payloadAs(DirectoryReviewDue.class)));
    }
}
