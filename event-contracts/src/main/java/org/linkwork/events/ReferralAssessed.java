package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * A link worker recorded a "what matters to you" assessment. Everything is coded: needs from
 * {@code urn:linkwork:need}, delivery modes, days, and a postcode district for place.
 *
 * @param maxTravelKm how far the person can travel, null when not stated
 */
public record ReferralAssessed(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        List<String> needs,
        List<String> deliveryModes,
        List<String> preferredDays,
        String postcodeDistrict,
        Double maxTravelKm,
        String ageBand,
        Instant assessedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
