package org.linkwork.outcomes.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralCreated;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** A new referral starts its progress as "received". */
@ApplicationScoped
public class ReferralCreatedListener {

    final ProcessedEvents processed;
    final ProgressProjection projection;

    ReferralCreatedListener(ProcessedEvents processed, ProgressProjection projection) {
        this.processed = processed;
        this.projection = projection;
    }

    @Incoming("referral-created")
    @Blocking
    @Transactional
    public void onReferralCreated(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        projection.received(event.payloadAs(ReferralCreated.class));
    }
}
