package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/** Ranked community activities proposed for an assessed referral, each with its reasons. */
public record MatchProposed(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        List<Proposal> proposals,
        Instant proposedAt) implements LinkworkEvent {

    /**
     * @param distanceKm distance from the person's postcode district, null when either place is unknown
     */
    public record Proposal(
            int rank,
            String serviceId,
            String serviceName,
            String organizationId,
            double score,
            Double distanceKm,
            List<String> reasons) {
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
