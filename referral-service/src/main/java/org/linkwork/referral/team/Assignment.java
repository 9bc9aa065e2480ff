package org.linkwork.referral.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.Referral;
import org.linkwork.referral.timeline.Timeline;

/** Gives referrals to link workers: on arrival to the least-loaded member of the team, or by hand. */
@ApplicationScoped
public class Assignment {

    final Teams teams;
    final Outbox outbox;
    final Timeline timeline;

    Assignment(Teams teams, Outbox outbox, Timeline timeline) {
        this.teams = teams;
        this.outbox = outbox;
        this.timeline = timeline;
    }

    /** On arrival: the team for the practice (or area), then its least-loaded active member, if it has one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onArrival(Referral referral) {
        referral.teamId = teams.teamFor(referral.referrerOrganization, referral.person.postcodeDistrict).orElse(null);
        if (referral.teamId == null) {
            timeline.add(referral, "unassigned", "No link-worker team serves this practice or area yet", "system", "system");
            return;
        }
        Optional<TeamMember> member = teams.leastLoaded(referral.teamId);
        if (member.isEmpty()) {
            timeline.add(referral, "unassigned", "Team " + referral.teamId + " has no active link worker", "system", "system");
            return;
        }
        give(referral, member.get(), "system", "system", null, null);
    }

    /** By hand, to an active member of the referral's team. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reassign(Referral referral, String username, String by, String role) {
        if (!referral.status.isOpen()) {
            throw closed(referral, "reassigned");
        }
        TeamMember member = referral.teamId == null ? null : teams.member(referral.teamId, username).orElse(null);
        if (member == null || !member.active) {
            throw ProblemException.invalid("linkWorker", "not an active link worker of the team that serves this referral");
        }
        if (username.equals(referral.linkWorker)) {
            return;
        }
        give(referral, member, by, role, null, null);
    }

    /**
     * To another team, when it was sent to the wrong one: the receiving team's least-loaded active
     * member takes it, and the team it left no longer sees it. A team with nobody active cannot take
     * it, since a referral must always have someone to contact the person.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveToTeam(Referral referral, String teamId, String reasonCode, String note, String by, String role) {
        if (!referral.status.isOpen()) {
            throw closed(referral, "moved to another team");
        }
        if (teamId.equals(referral.teamId)) {
            throw ProblemException.invalid("teamId", "the referral is already with team " + teamId);
        }
        if (Team.findById(teamId) == null) {
            throw ProblemException.invalid("teamId", "no such team");
        }
        TeamMember member = teams.leastLoaded(teamId).orElseThrow(() -> new ProblemException(Problem.of("team-unavailable",
                "The team cannot take referrals", 409, "Team " + teamId + " has no active link worker to give the referral to", List.of())));
        String previousTeam = referral.teamId;
        referral.teamId = teamId;
        timeline.add(referral, "moved", "Moved from team " + (previousTeam == null ? "none" : previousTeam) + " to team " + teamId
                + " (" + reasonCode + ")" + (note == null || note.isBlank() ? "" : ": " + note.strip()), by, role);
        // a referral no team served (a self-referral from an area nobody covers) is placed rather than moved: no previous team
        give(referral, member, by, role, previousTeam, reasonCode);
    }

    private static ProblemException closed(Referral referral, String what) {
        return new ProblemException(Problem.of("referral-closed", "The referral is closed", 409,
                "A referral that is " + referral.status.code() + " cannot be " + what, List.of()));
    }

    private void give(Referral referral, TeamMember member, String by, String role, String previousTeam, String moveReason) {
        Instant now = Instant.now();
        String previous = referral.linkWorker;
        referral.linkWorker = member.username;
        referral.assignedAt = now;
        referral.updatedAt = now;
        timeline.add(referral, "assigned", "Assigned to " + member.displayName + (previous == null ? "" : " (was " + previous + ")"), by, role);
        outbox.publish(new ReferralAssigned(referral.id.toString(), referral.person.personRef, referral.referrerOrganization,
                member.username, member.displayName, previous, role, now, referral.teamId, previousTeam,
                "system".equals(role) ? null : by, moveReason));
    }
}
