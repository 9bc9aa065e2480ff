package org.linkwork.matching.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.linkwork.matching.team.TeamMembers;
import org.linkwork.platform.security.Caller;

/**
 * Who may see and act on a referral's proposal: an admin, or an active member of the team the
 * referral is with. A link worker's organisation ({@code org_id}, their employer) plays no part, and
 * a referral whose team is unknown is visible to admins only. Reads memory only, so it may run on
 * the I/O thread (see {@link TeamMembers} for why that view is complete on every instance).
 */
@ApplicationScoped
public class TeamAccess {

    final Caller caller;
    final TeamMembers members;

    TeamAccess(Caller caller, TeamMembers members) {
        this.caller = caller;
        this.members = members;
    }

    /** True when the caller may use the proposal of a referral with this team (null: no team known). */
    public boolean mayUse(String teamId) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(Caller.LINK_WORKER) && members.isActiveMember(teamId, caller.username());
    }
}
