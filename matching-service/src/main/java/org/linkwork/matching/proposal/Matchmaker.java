package org.linkwork.matching.proposal;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.matching.directory.DirectoryReadModel;
import org.linkwork.matching.place.DistrictCentroids;
import org.linkwork.matching.scoring.MatchScorer;
import org.linkwork.matching.scoring.MatchWeights;
import org.linkwork.matching.scoring.PersonNeeds;
import org.linkwork.matching.scoring.ScoredCandidate;
import org.linkwork.platform.outbox.Outbox;

/** Turns an assessment into a ranked proposal, stores it as the referral's current one, and announces it. */
@Startup // built at start, so weights that cannot score stop the service instead of every assessment
@ApplicationScoped
public class Matchmaker {

    final DirectoryReadModel directory;
    final DistrictCentroids centroids;
    final Outbox outbox;
    final MatchScorer scorer;
    final int maxProposals;

    Matchmaker(DirectoryReadModel directory, DistrictCentroids centroids, Outbox outbox, MatchingSettings settings) {
        this.directory = directory;
        this.centroids = centroids;
        this.outbox = outbox;
        this.scorer = new MatchScorer(new MatchWeights(settings.weight().needs(), settings.weight().distance(),
                settings.weight().mode()));
        this.maxProposals = settings.maxProposals();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MatchProposal propose(ReferralAssessed assessment) {
        UUID referralId = referralIdOf(assessment);
        List<String> modes = assessment.preferences() == null ? null : assessment.preferences().deliveryModes();
        ReferralAssessed.Travel travel = assessment.travel();
        PersonNeeds person = new PersonNeeds(assessment.needs(), modes == null ? null : new HashSet<>(modes),
                travel == null ? null : travel.maxTravelKm(),
                travel == null ? null : centroids.centroidOf(travel.postcodeDistrict()).orElse(null));
        List<ScoredCandidate> ranked = scorer.rank(person, directory.activeServicesMeetingAny(person.needs()), maxProposals);

        // PostgreSQL keeps microseconds; millis make the stored and the published time the same
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        MatchProposal proposal = MatchProposal.findById(referralId);
        boolean isNew = proposal == null;
        if (isNew) {
            proposal = new MatchProposal();
            proposal.referralId = referralId;
        }
        proposal.referrerOrganization = assessment.referrerOrganization();
        proposal.linkWorker = assessment.linkWorker();
        proposal.assessedAt = assessment.assessedAt();
        proposal.proposedAt = now;
        proposal.activities.clear();
        for (int i = 0; i < ranked.size(); i++) {
            proposal.activities.add(activity(i + 1, ranked.get(i)));
        }
        if (isNew) {
            proposal.persist();
        }

        outbox.publish(new MatchProposed(referralId.toString(), assessment.personRef(), assessment.referrerOrganization(),
                assessment.linkWorker(), proposal.activities.stream().map(Matchmaker::asEventProposal).toList(), List.of(), now));
        return proposal;
    }

    private static ProposedActivity activity(int rank, ScoredCandidate scored) {
        ProposedActivity a = new ProposedActivity();
        a.rank = rank;
        a.serviceId = scored.candidate().serviceId();
        a.serviceName = scored.candidate().name();
        a.organizationId = scored.candidate().organizationId();
        a.score = scored.score();
        a.distanceKm = scored.distanceKm();
        a.reasons = List.copyOf(scored.reasons());
        return a;
    }

    private static MatchProposed.Proposal asEventProposal(ProposedActivity a) {
        return new MatchProposed.Proposal(a.rank, a.serviceId, a.serviceName, a.organizationId, a.score, a.distanceKm, a.reasons, List.of());
    }

    private static UUID referralIdOf(ReferralAssessed assessment) {
        if (assessment.personRef() == null || assessment.personRef().isBlank() || assessment.needs() == null) {
            throw new MalformedEventException("referral-assessed lacks personRef or needs");
        }
        try {
            return UUID.fromString(String.valueOf(assessment.referralId()));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("referral-assessed has a referralId that is not a UUID");
        }
    }
}
