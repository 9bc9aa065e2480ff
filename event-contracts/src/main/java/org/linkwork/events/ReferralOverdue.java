package org.linkwork.events;

import java.time.Instant;

/**
 * A referral passed its first-contact service level without being contacted. Published once per
 * referral, when it becomes overdue.
 */
public record ReferralOverdue(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        String status,
        Instant firstContactDue,
        Instant overdueAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
