package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * A referral arrived. Analytics-safe: the person appears only as {@code personRef}, the place only
 * as a postcode district, the age only as a band.
 *
 * @param source how it arrived: {@code api}, {@code fhir} or {@code self}
 * @param referrerOrganization the referring organisation (GP practice ODS code)
 * @param linkWorker username of the link worker it was assigned to, if any
 */
public record ReferralCreated(
        String referralId,
        String personRef,
        String source,
        String referrerOrganization,
        List<String> needs,
        String urgency,
        String postcodeDistrict,
        String ageBand,
        String linkWorker,
        Instant receivedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
