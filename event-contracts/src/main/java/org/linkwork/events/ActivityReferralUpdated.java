package org.linkwork.events;

import java.time.Instant;

/**
 * An activity referral to a community provider changed status (FHIR SDOH Clinical Care Task
 * statuses: requested, accepted, rejected, in-progress, on-hold, completed, cancelled, failed).
 *
 * @param activityType the service's main activity type (a taxonomy term code), for reporting by type
 * @param linkWorker the requester: the link worker who sent it
 * @param sessionsAttended sessions attended so far
 * @param nextSessionAt when the person is next expected, if booked
 * @param serviceName the activity's name as the directory published it, so messages can name it; absent from events
 *                    written before it was added
 */
public record ActivityReferralUpdated(
        String activityReferralId,
        String referralId,
        String personRef,
        String serviceId,
        String activityType,
        String providerOrganizationId,
        String referrerOrganization,
        String linkWorker,
        String status,
        String statusReasonCode,
        int sessionsAttended,
        Instant nextSessionAt,
        Instant updatedAt,
        String serviceName) implements LinkworkEvent {

    /** The first version's fields, for producers and tests written before the activity's name was carried. */
    public ActivityReferralUpdated(String activityReferralId, String referralId, String personRef, String serviceId,
            String activityType, String providerOrganizationId, String referrerOrganization, String linkWorker, String status,
            String statusReasonCode, int sessionsAttended, Instant nextSessionAt, Instant updatedAt) {
        this(activityReferralId, referralId, personRef, serviceId, activityType, providerOrganizationId, referrerOrganization,
                linkWorker, status, statusReasonCode, sessionsAttended, nextSessionAt, updatedAt, null);
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
