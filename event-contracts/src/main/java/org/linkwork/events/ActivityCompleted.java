package org.linkwork.events;

import java.time.Instant;

/**
 * A person finished the community activity they were referred to.
 *
 * @param referrerOrganization the referring practice's ODS code, so the message back needs no earlier event; absent
 *                             from events written before it was added (and for self-referrals)
 * @param serviceName the activity's name as the directory published it; absent from events written before it was added
 */
public record ActivityCompleted(
        String activityReferralId,
        String referralId,
        String personRef,
        String serviceId,
        String providerOrganizationId,
        int sessionsAttended,
        Instant completedAt,
        String referrerOrganization,
        String serviceName) implements LinkworkEvent {

    /** The first version's fields, for producers and tests written before the practice and the name were carried. */
    public ActivityCompleted(String activityReferralId, String referralId, String personRef, String serviceId,
            String providerOrganizationId, int sessionsAttended, Instant completedAt) {
        this(activityReferralId, referralId, personRef, serviceId, providerOrganizationId, sessionsAttended, completedAt, null, null);
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
