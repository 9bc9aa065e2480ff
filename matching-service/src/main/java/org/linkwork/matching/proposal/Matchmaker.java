package org.linkwork.matching.proposal;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.EventJson;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.matching.directory.DirectoryIndex;
import org.linkwork.matching.place.DistrictCentroids;
import org.linkwork.matching.scoring.MatchScorer;
import org.linkwork.matching.scoring.Person;
import org.linkwork.matching.scoring.Ranking;
import org.linkwork.platform.outbox.Outbox;

/** Turns an assessment into a ranked proposal over the in-memory directory, stores it as the referral's current one, and announces it. */
@Startup // built at start, so weights or rules that cannot score stop the service instead of every assessment
@ApplicationScoped
public class Matchmaker {

    final DirectoryIndex index;
    final DistrictCentroids centroids;
    final Outbox outbox;
    final MatchScorer scorer;
    final int maxProposals;
    final int maxExcluded;
    final ZoneId zone;
    final RecentProposals recent;
    final ReferralTeams referralTeams;

    Matchmaker(DirectoryIndex index, DistrictCentroids centroids, Outbox outbox, MatchingSettings settings, RecentProposals recent,
            ReferralTeams referralTeams) {
        this.referralTeams = referralTeams;
        this.recent = recent;
        this.index = index;
        this.centroids = centroids;
        this.outbox = outbox;
        this.scorer = new MatchScorer(settings.weights(), settings.rules());
        this.maxProposals = settings.maxProposals();
        this.maxExcluded = settings.maxExcluded();
        this.zone = ZoneId.of(settings.timeZone());
    }

    /** Computes, stores and publishes the proposal for a (re-)assessed referral. */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchProposal propose(ReferralAssessed assessment) {
        UUID referralId = referralIdOf(assessment);
        return store(referralId, assessment, rank(personOf(assessment)), null);
    }

    /** The person an assessment describes, placed by the geocoder. */
    public Person personOf(ReferralAssessed assessment) {
        String district = assessment.travel() == null ? null : assessment.travel().postcodeDistrict();
        return Person.from(assessment, centroids.centroidOf(district).orElse(null));
    }

    /** Ranks the whole directory for the person; reads only memory. */
    public Ranking rank(Person person) {
        MatchScorer.Ranker ranker = scorer.ranker(person, maxProposals, maxExcluded, LocalDate.now(zone));
        index.candidates(ranker.needMask(), person.place(), ranker.searchRadiusKm(), ranker);
        return ranker.ranking();
    }

    /**
     * Makes the ranking the referral's current proposal and writes match-proposed to the outbox.
     *
     * @param requestedBy the link worker who saved a re-run, null when matching proposes on its own
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public MatchProposal store(UUID referralId, ReferralAssessed assessment, Ranking ranking, String requestedBy) {
        // PostgreSQL keeps microseconds; millis make the stored and the published time the same
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        recent.changing(referralId);
        MatchProposal proposal = MatchProposal.findById(referralId);
        boolean isNew = proposal == null;
        if (isNew) {
            proposal = new MatchProposal();
            proposal.referralId = referralId;
        }
        proposal.referrerOrganization = assessment.referrerOrganization();
        proposal.linkWorker = assessment.linkWorker();
        proposal.personRef = assessment.personRef();
        proposal.teamId = assessment.teamId();
        if (assessment.teamId() != null && !assessment.teamId().isBlank()) {
            referralTeams.record(referralId, assessment.teamId(), assessment.assessedAt());
        }
        // the team the referral is with now: the assessment's, unless a later move has been heard of
        String team = referralTeams.current(referralId).orElse(assessment.teamId());
        proposal.assessment = EventJson.write(assessment);
        proposal.assessedAt = assessment.assessedAt();
        proposal.proposedAt = now;
        proposal.activities.clear();
        List<Ranking.Proposal> proposals = ranking.proposals();
        for (int i = 0; i < proposals.size(); i++) {
            proposal.activities.add(activity(i + 1, proposals.get(i)));
        }
        proposal.excluded.clear();
        for (int i = 0; i < ranking.excluded().size(); i++) {
            proposal.excluded.add(excluded(i + 1, ranking.excluded().get(i)));
        }
        if (isNew) {
            proposal.persist();
        }
        outbox.publish(new MatchProposed(referralId.toString(), assessment.personRef(), assessment.referrerOrganization(),
                assessment.linkWorker(), proposal.activities.stream().map(Matchmaker::asEventProposal).toList(),
                proposal.excluded.stream().map(e -> new MatchProposed.Excluded(e.serviceId, e.serviceName, e.reasons)).toList(), now,
                team, requestedBy));
        return proposal;
    }

    static ProposedActivity activity(int rank, Ranking.Proposal p) {
        ProposedActivity a = new ProposedActivity();
        a.rank = rank;
        a.serviceId = p.activity().serviceId();
        a.serviceName = p.activity().name();
        a.organizationId = p.activity().organizationId();
        a.score = p.score();
        a.distanceKm = p.distanceKm();
        a.reasons = List.copyOf(p.reasons());
        a.reasonsAgainst = List.copyOf(p.reasonsAgainst());
        return a;
    }

    static ExcludedActivity excluded(int position, Ranking.Exclusion e) {
        ExcludedActivity x = new ExcludedActivity();
        x.position = position;
        x.serviceId = e.activity().serviceId();
        x.serviceName = e.activity().name();
        x.reasons = List.copyOf(e.reasons());
        return x;
    }

    private static MatchProposed.Proposal asEventProposal(ProposedActivity a) {
        return new MatchProposed.Proposal(a.rank, a.serviceId, a.serviceName, a.organizationId, a.score, a.distanceKm, a.reasons,
                a.reasonsAgainst);
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
