package org.linkwork.referral.loop;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.CareTeamAccess;
import org.linkwork.referral.loop.ActivityTransitions.Party;

/**
 * Who may see and move an activity referral: the provider organisation it was sent to (the Task's
 * owner) and the referral's care team (the requester's side: link workers of the team, admins;
 * referrers of the practice may read). Anyone else is told it does not exist.
 */
@RequestScoped
public class ActivityAccess {

    final Caller caller;
    final CareTeamAccess careTeam;

    ActivityAccess(Caller caller, CareTeamAccess careTeam) {
        this.caller = caller;
        this.careTeam = careTeam;
    }

    public ActivityReferral visible(UUID id) {
        ActivityReferral a = id == null ? null : ActivityReferral.findById(id);
        if (a == null || !canSee(a)) {
            throw ProblemException.notFound("activity referral");
        }
        return a;
    }

    public boolean canSee(ActivityReferral a) {
        return isOwner(a) || careTeam.canSee(a.referral());
    }

    /** The caller works for the provider organisation the activity referral was sent to. */
    public boolean isOwner(ActivityReferral a) {
        return caller.hasRole(Caller.PROVIDER) && caller.organisation().map(a.providerOrganization::equals).orElse(false);
    }

    /** The side of the Task the caller acts on, if any: referrers read but do not move activity referrals. */
    public Optional<Party> partyOf(ActivityReferral a) {
        if (isOwner(a)) {
            return Optional.of(Party.OWNER);
        }
        if ((caller.hasRole(Caller.LINK_WORKER) || caller.isAdmin()) && careTeam.canSee(a.referral())) {
            return Optional.of(Party.REQUESTER);
        }
        return Optional.empty();
    }

    public String actingRole(ActivityReferral a) {
        return isOwner(a) ? Caller.PROVIDER : careTeam.actingRole();
    }

    public Caller caller() {
        return caller;
    }
}
