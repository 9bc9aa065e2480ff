package org.linkwork.matching.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linkwork.matching.scoring.Ranking;

/**
 * A referral's proposal as its link worker reads it.
 *
 * @param stored   true for the referral's current proposal; false for a re-run that was not saved
 * @param excluded near-misses a hard constraint ruled out, with why
 * @param feedback the link workers' verdicts so far, oldest first
 */
public record MatchView(UUID referralId, Instant proposedAt, boolean stored, List<Proposal> proposals, List<Excluded> excluded,
        List<FeedbackView> feedback) {

    /** @param distanceKm from the person's postcode district to the nearest site; null when either is unknown */
    public record Proposal(int rank, String serviceId, String serviceName, String organizationId, double score,
            Double distanceKm, List<String> reasons, List<String> reasonsAgainst) {
    }

    public record Excluded(String serviceId, String serviceName, List<String> reasons) {
    }

    static MatchView of(MatchProposal p, List<Feedback> feedback) {
        return new MatchView(p.referralId, p.proposedAt, true, p.activities.stream()
                .map(a -> new Proposal(a.rank, a.serviceId, a.serviceName, a.organizationId, a.score, a.distanceKm, a.reasons,
                        a.reasonsAgainst == null ? List.of() : a.reasonsAgainst))
                .toList(), p.excluded.stream().map(e -> new Excluded(e.serviceId, e.serviceName, e.reasons)).toList(),
                feedback.stream().map(FeedbackView::of).toList());
    }

    /** A re-run that was not saved: ranked now, not stored. */
    static MatchView unsaved(UUID referralId, Instant at, Ranking ranking, List<Feedback> feedback) {
        List<Ranking.Proposal> ranked = ranking.proposals();
        return new MatchView(referralId, at, false, java.util.stream.IntStream.range(0, ranked.size()).mapToObj(i -> {
            ProposedActivity a = Matchmaker.activity(i + 1, ranked.get(i));
            return new Proposal(a.rank, a.serviceId, a.serviceName, a.organizationId, a.score, a.distanceKm, a.reasons, a.reasonsAgainst);
        }).toList(), ranking.excluded().stream()
                .map(e -> new Excluded(e.activity().serviceId(), e.activity().name(), e.reasons())).toList(),
                feedback.stream().map(FeedbackView::of).toList());
    }
}
