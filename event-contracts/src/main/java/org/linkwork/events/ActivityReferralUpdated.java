package org.linkwork.events;

import java.time.Instant;

/**
 * An activity referral to a community provider changed status (FHIR SDOH Clinical Care Task
 * statuses: requested, accepted, rejected, in-progress, on-hold, completed, cancelled, failed).
 */
public record ActivityReferralUpdated(
        String activityReferralId,
        String referralId,
        String personRef,
        String serviceId,
        String providerOrganizationId,
        String status,
        String statusReasonCode,
        Instant updatedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
