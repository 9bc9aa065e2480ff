package org.linkwork.referral;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.team.TeamMember;

/**
 * Who may see a referral: referrers of the referring organisation, active link workers of the team
 * it is with (the team that serves its practice or area, or the one it was moved to), and admins. Anyone else is told it does not exist
 * (404), so the existence of another practice's referral is not revealed. A self-referral has no
 * referrer to see it.
 */
@RequestScoped
public class CareTeamAccess {

    final Caller caller;

    CareTeamAccess(Caller caller) {
        this.caller = caller;
    }

    public Referral referralVisibleToCaller(UUID id) {
        Referral referral = Referral.findById(id);
        if (referral == null || !canSee(referral)) {
            throw ProblemException.notFound("referral");
        }
        return referral;
    }

    public boolean canSee(Referral referral) {
        if (caller.isAdmin()) {
            return true;
        }
        // a link worker's organisation is their employer, not the practice: what they see follows their team
        if (caller.hasRole(Caller.LINK_WORKER) && TeamMember.isMember(referral.teamId, caller.username())) {
            return true;
        }
        return caller.hasRole(Caller.REFERRER) && !"self".equals(referral.source) && referral.referrerOrganization != null
                && caller.belongsTo(referral.referrerOrganization);
    }

    public Caller caller() {
        return caller;
    }

    /** The role the caller acts in here, the strongest first. */
    public String actingRole() {
        if (caller.isAdmin()) {
            return Caller.ADMIN;
        }
        return caller.hasRole(Caller.LINK_WORKER) ? Caller.LINK_WORKER : Caller.REFERRER;
    }
}
