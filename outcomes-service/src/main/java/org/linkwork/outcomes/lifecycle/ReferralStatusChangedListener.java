package org.linkwork.outcomes.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralStatusChanged;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** A referral moved through its lifecycle; its progress follows the latest move. */
@ApplicationScoped
public class ReferralStatusChangedListener {

    final ProcessedEvents processed;
    final ProgressProjection projection;

    ReferralStatusChangedListener(ProcessedEvents processed, ProgressProjection projection) {
        this.processed = processed;
        this.projection = projection;
    }

    @Incoming("referral-status-changed")
    @Blocking
    @Transactional
    public void onReferralStatusChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        projection.statusChanged(event.payloadAs(ReferralStatusChanged.class));
    }
}
