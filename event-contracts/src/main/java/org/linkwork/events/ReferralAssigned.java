package org.linkwork.events;

import java.time.Instant;

/**
 * A referral was given to a link worker: automatically on arrival, or reassigned by hand.
 *
 * @param linkWorkerName the link worker's display name, for messages to the person (staff data, not the person's)
 * @param previousLinkWorker null on first assignment
 * @param assignedByRole {@code system} for automatic assignment, otherwise the role of who reassigned
 */
public record ReferralAssigned(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        String linkWorkerName,
        String previousLinkWorker,
        String assignedByRole,
        Instant assignedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
