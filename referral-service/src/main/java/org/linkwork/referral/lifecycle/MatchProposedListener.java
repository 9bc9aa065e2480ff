package org.linkwork.referral.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;
import org.linkwork.referral.Referral;
import org.linkwork.referral.loop.ProposedService;

/** When matching proposes activities for an assessed referral, the referral becomes "matched"; the proposals are kept. */
@ApplicationScoped
public class MatchProposedListener {

    final ProcessedEvents processed;
    final Lifecycle lifecycle;

    MatchProposedListener(ProcessedEvents processed, Lifecycle lifecycle) {
        this.processed = processed;
        this.lifecycle = lifecycle;
    }

    @Incoming("match-proposed")
    @Blocking
    @Transactional
    public void onMatchProposed(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        MatchProposed match = event.payloadAs(MatchProposed.class);
        Referral referral = Referral.findById(UUID.fromString(match.referralId()));
        if (referral != null && referral.status.isOpen()) {
            // what was proposed can be sent to its provider later, without asking matching
            ProposedService.remember(referral.id, match);
        }
        if (referral != null && referral.status == ReferralStatus.ASSESSED && !match.proposals().isEmpty()) {
            lifecycle.follow(referral, ReferralStatus.MATCHED, "matching-service", Transitions.SYSTEM, null);
        }
    }
}
