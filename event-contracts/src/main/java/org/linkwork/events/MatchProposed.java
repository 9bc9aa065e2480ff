package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * Ranked community activities proposed for an assessed referral, each with its reasons for and
 * against, and the near-misses that a hard constraint excluded, with why.
 *
 * @param teamId the link-worker team the referral is with, as its assessment said
 * @param requestedBy username of the link worker who saved a re-run; null when matching proposed on its own (after an
 *                    assessment or a directory change)
 */
public record MatchProposed(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        List<Proposal> proposals,
        List<Excluded> excluded,
        Instant proposedAt,
        String teamId,
        String requestedBy) implements LinkworkEvent {

    /** The first version's fields, for events and tests written before the team was carried. */
    public MatchProposed(String referralId, String personRef, String referrerOrganization, String linkWorker, List<Proposal> proposals,
            List<Excluded> excluded, Instant proposedAt) {
        this(referralId, personRef, referrerOrganization, linkWorker, proposals, excluded, proposedAt, null, null);
    }

    /**
     * @param distanceKm distance from the person's postcode district, null when either place is unknown
     * @param reasons what speaks for the activity, in plain words
     * @param reasonsAgainst what speaks against it
     */
    public record Proposal(
            int rank,
            String serviceId,
            String serviceName,
            String organizationId,
            double score,
            Double distanceKm,
            List<String> reasons,
            List<String> reasonsAgainst) {
    }

    /** An activity that would have ranked well but a hard constraint ruled out. */
    public record Excluded(String serviceId, String serviceName, List<String> reasons) {
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
