package org.linkwork.events;

import java.time.Instant;

/** A person finished the community activity they were referred to. */
public record ActivityCompleted(
        String activityReferralId,
        String referralId,
        String personRef,
        String serviceId,
        String providerOrganizationId,
        int sessionsAttended,
        Instant completedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
