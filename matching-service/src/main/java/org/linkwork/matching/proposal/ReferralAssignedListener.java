package org.linkwork.matching.proposal;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * Follows referrals between teams. Every assignment names the team the referral is with at
 * {@code assignedAt}; a move ({@link ReferralAssigned#movedTeam()}) is the one that changes it, and
 * it may arrive before or after the assessment. Assignments written before teams were carried
 * (no {@code teamId}) change nothing.
 */
@ApplicationScoped
public class ReferralAssignedListener {

    final ProcessedEvents processed;
    final ReferralTeams teams;

    ReferralAssignedListener(ProcessedEvents processed, ReferralTeams teams) {
        this.processed = processed;
        this.teams = teams;
    }

    @Incoming("referral-assigned")
    @Blocking
    @Transactional
    public void onReferralAssigned(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        ReferralAssigned assigned = event.payloadAs(ReferralAssigned.class);
        UUID referralId;
        try {
            referralId = UUID.fromString(String.valueOf(assigned.referralId()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("referral-assigned has a referralId that is not a UUID");
        }
        if (assigned.teamId() == null || assigned.teamId().isBlank()) {
            return;
        }
        if (assigned.assignedAt() == null) {
            throw new MalformedEventException("referral-assigned names a team but no assignedAt");
        }
        teams.record(referralId, assigned.teamId(), assigned.assignedAt());
    }
}
