package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.MatchProposed;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** Matching proposed activities: tell the link worker (unless they saved the re-run) and the practice's referrers. */
@ApplicationScoped
public class MatchProposedListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;

    MatchProposedListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    @Incoming("match-proposed")
    @Blocking
    @Transactional
    public void onMatchProposed(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        dispatch.send(event.id(), rules.forMatch(event.payloadAs(MatchProposed.class)));
    }
}
