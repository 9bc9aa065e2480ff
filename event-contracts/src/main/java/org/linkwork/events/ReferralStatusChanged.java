package org.linkwork.events;

import java.time.Instant;

/**
 * A referral moved from one status of its lifecycle to another.
 *
 * @param reasonCode a coded reason (never free text about the person), may be null
 * @param changedByRole the role of whoever made the change ({@code referrer}, {@code link-worker}, {@code system}...)
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
        Instant changedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
