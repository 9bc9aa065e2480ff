package org.linkwork.events;

import java.time.Instant;

/**
 * A referral moved from one status of its lifecycle to another.
 *
 * @param reasonCode a coded reason (never free text about the person), may be null
 * @param changedByRole the role of whoever made the change ({@code referrer}, {@code link-worker}, {@code system}...)
 * @param teamId the link-worker team the referral is with, null when none serves it
 * @param changedBy the username (or partner client id) of whoever made the change, null when the platform made it; so
 *                  nobody is notified of what they did themself
 */
public record ReferralStatusChanged(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        String fromStatus,
        String toStatus,
        String reasonCode,
        String changedByRole,
        Instant changedAt,
        String teamId,
        String changedBy) implements LinkworkEvent {

    /** The first version's fields, for events and tests written before the team and the actor were carried. */
    public ReferralStatusChanged(String referralId, String personRef, String referrerOrganization, String linkWorker, String fromStatus,
            String toStatus, String reasonCode, String changedByRole, Instant changedAt) {
        this(referralId, personRef, referrerOrganization, linkWorker, fromStatus, toStatus, reasonCode, changedByRole, changedAt,
                null, null);
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
