package org.linkwork.matching.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A referral's current proposal as its link worker reads it. */
public record MatchView(UUID referralId, Instant proposedAt, List<Proposal> proposals) {

    /** @param distanceKm from the person's postcode district to the nearest site; null when either is unknown */
    public record Proposal(int rank, String serviceId, String serviceName, String organizationId, double score,
            Double distanceKm, List<String> reasons) {
    }

    static MatchView of(MatchProposal p) {
        return new MatchView(p.referralId, p.proposedAt, p.activities.stream()
                .map(a -> new Proposal(a.rank, a.serviceId, a.serviceName, a.organizationId, a.score, a.distanceKm, a.reasons))
                .toList());
    }
}
