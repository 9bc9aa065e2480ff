package org.linkwork.events;

import java.time.Instant;

/**
 * A referral passed its first-contact service level without being contacted. Published once per
 * referral, when it becomes overdue.
 *
 * @param teamId the link-worker team the referral is with, null when none serves it
 */
public record ReferralOverdue(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        String status,
        Instant firstContactDue,
        Instant overdueAt,
        String teamId) implements LinkworkEvent {

    /** The first version's fields, for events and tests written before the team was carried. */
    public ReferralOverdue(String referralId, String personRef, String referrerOrganization, String linkWorker, String status,
            Instant firstContactDue, Instant overdueAt) {
        this(referralId, personRef, referrerOrganization, linkWorker, status, firstContactDue, overdueAt, null);
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
