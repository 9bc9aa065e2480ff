package org.linkwork.matching.proposal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.events.EventJson;
import org.linkwork.events.MatchFeedback;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.Vocabulary;
import org.linkwork.matching.directory.DirectoryIndex;
import org.linkwork.matching.scoring.Ranking;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.matching.access.TeamAccess;
import org.linkwork.platform.security.Caller;

@Path("/matches")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    final Caller caller;
    final Matchmaker matchmaker;
    final DirectoryIndex index;
    final Outbox outbox;
    final ProposalReader reader;
    final RecentProposals recent;
    final TeamAccess access;
    final ReferralTeams referralTeams;

    MatchResource(Caller caller, Matchmaker matchmaker, DirectoryIndex index, Outbox outbox, ProposalReader reader,
            RecentProposals recent, TeamAccess access, ReferralTeams referralTeams) {
        this.recent = recent;
        this.access = access;
        this.referralTeams = referralTeams;
        this.caller = caller;
        this.matchmaker = matchmaker;
        this.index = index;
        this.outbox = outbox;
        this.reader = reader;
    }

    @GET
    @Path("/{referralId}")
    @RolesAllowed({Caller.LINK_WORKER, Caller.ADMIN})
    @Operation(summary = "Read the activities proposed for a referral of your team",
            description = "The current proposal, best first, with the reasons for and against each, the near-misses a hard constraint "
                    + "ruled out, and the verdicts given so far. 404 until the referral is assessed and matched.")
    public Uni<MatchView> read(@PathParam("referralId") UUID referralId) {
        // a proposal in memory is answered on the I/O thread, without a hop to a worker; only the database read needs one
        Optional<ProposalReader.Stored> known = recent.known(referralId);
        if (known.isPresent()) {
            return Uni.createFrom().item(() -> visible(known));
        }
        return Uni.createFrom().item(() -> visible(recent.read(referralId, () -> reader.read(referralId))))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private MatchView visible(Optional<ProposalReader.Stored> stored) {
        return stored
                // another team's referral answers as if it did not exist
                .filter(s -> access.mayUse(s.teamId()))
                .orElseThrow(() -> ProblemException.notFound("match proposal")).view();
    }

    @POST
    @Path("/{referralId}/rerun")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.LINK_WORKER, Caller.ADMIN})
    @Operation(summary = "Look again with other filters (radius, days, times, modes)",
            description = "Ranks the directory again from the referral's assessment with the filters changed. The stored proposal stays "
                    + "as it is unless save is true; then the result replaces it and is published as match-proposed.")
    public MatchView rerun(@PathParam("referralId") UUID referralId, MatchFilters filters) {
        MatchProposal proposal = visibleProposal(referralId);
        if (filters == null) {
            throw ProblemException.invalid("body", "a JSON object of filters is required; {} keeps the assessment's");
        }
        filters.check();
        if (proposal.assessment == null) {
            throw new ProblemException(Problem.of("conflict", "Cannot re-run", 409,
                    "This proposal was made before assessments were kept; it can be re-run once the referral is re-assessed", List.of()));
        }
        ReferralAssessed assessment = EventJson.read(proposal.assessment, ReferralAssessed.class);
        Ranking ranking = matchmaker.rank(filters.applyTo(matchmaker.personOf(assessment)));
        if (filters.saving()) {
            // match-proposed names the link worker who saved it; an admin's save is not a link worker's request
            String requestedBy = caller.hasRole(Caller.LINK_WORKER) ? caller.username() : null;
            MatchProposal saved = QuarkusTransaction.requiringNew().call(() -> matchmaker.store(referralId, assessment, ranking, requestedBy));
            return MatchView.of(saved, feedbackOn(referralId));
        }
        return MatchView.unsaved(referralId, Instant.now().truncatedTo(ChronoUnit.MILLIS), ranking, feedbackOn(referralId));
    }

    @POST
    @Path("/{referralId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.LINK_WORKER)
    @Transactional
    @Operation(summary = "Mark an activity chosen, or not suitable with a reason",
            description = "Stored and published as match-feedback, so acceptance of proposals can be reported.")
    public Response feedback(@PathParam("referralId") UUID referralId, FeedbackRequest request) {
        MatchProposal proposal = visibleProposal(referralId);
        check(request, proposal);
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.referralId = referralId;
        f.serviceId = request.serviceId();
        f.decision = request.decision();
        f.reasonCode = request.reasonCode();
        f.rank = proposal.activities.stream().filter(a -> a.serviceId.equals(request.serviceId())).map(a -> a.rank).findFirst()
                .orElse(null);
        f.linkWorker = caller.username();
        f.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        recent.changing(referralId);
        f.persist();
        outbox.publish(new MatchFeedback(referralId.toString(), proposal.personRef, f.serviceId, f.decision, f.reasonCode, f.rank,
                f.linkWorker, f.recordedAt));
        return Response.status(Response.Status.CREATED).entity(FeedbackView.of(f)).build();
    }

    private MatchProposal visibleProposal(UUID referralId) {
        MatchProposal proposal = MatchProposal.findById(referralId);
        // another team's referral answers as if it did not exist
        if (proposal == null || !access.mayUse(referralTeams.current(referralId).orElse(proposal.teamId))) {
            throw ProblemException.notFound("match proposal");
        }
        return proposal;
    }

    private static List<Feedback> feedbackOn(UUID referralId) {
        return Feedback.list("referralId = ?1 order by recordedAt, id", referralId);
    }

    private void check(FeedbackRequest request, MatchProposal proposal) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object with serviceId, decision and reasonCode is required");
        }
        if (request.serviceId() == null || request.serviceId().isBlank()) {
            throw ProblemException.invalid("serviceId", "is required");
        }
        if (!Feedback.CHOSEN.equals(request.decision()) && !Feedback.NOT_SUITABLE.equals(request.decision())) {
            throw ProblemException.invalid("decision", "must be chosen or not-suitable");
        }
        String reasons = String.join(", ", Vocabulary.UNSUITABLE_REASONS.stream().sorted().toList());
        if (Feedback.NOT_SUITABLE.equals(request.decision())) {
            if (request.reasonCode() == null || !Vocabulary.UNSUITABLE_REASONS.contains(request.reasonCode())) {
                throw ProblemException.invalid("reasonCode", "must be one of " + reasons + " when the decision is not-suitable");
            }
        } else if (request.reasonCode() != null) {
            throw ProblemException.invalid("reasonCode", "is only given when the decision is not-suitable");
        }
        boolean known = proposal.activities.stream().anyMatch(a -> a.serviceId.equals(request.serviceId()))
                || proposal.excluded.stream().anyMatch(e -> e.serviceId.equals(request.serviceId()))
                || index.get(request.serviceId()).isPresent();
        if (!known) {
            throw ProblemException.invalid("serviceId", "is not an activity in the directory");
        }
    }
}
