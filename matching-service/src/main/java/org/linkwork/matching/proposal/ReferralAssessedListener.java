package org.linkwork.matching.proposal;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** Every assessment, and every re-assessment, gets a fresh proposal. */
@ApplicationScoped
public class ReferralAssessedListener {

    final ProcessedEvents processed;
    final Matchmaker matchmaker;

    ReferralAssessedListener(ProcessedEvents processed, Matchmaker matchmaker) {
        this.processed = processed;
        this.matchmaker = matchmaker;
    }

    @Incoming("referral-assessed")
    @Blocking
    @Transactional
    public void onReferralAssessed(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        matchmaker.propose(event.payloadAs(ReferralAssessed.class));
    }
}
