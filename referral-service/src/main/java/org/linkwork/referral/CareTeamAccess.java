package org.linkwork.referral;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Who may see a referral: the referring organisation's referrers and the link workers of that
 * organisation's team, and admins. Anyone else is told it does not exist (404), so the existence
 * of another practice's referral is not revealed.
 */
@RequestScoped
public class CareTeamAccess {

    final Caller caller;

    CareTeamAccess(Caller caller) {
        this.caller = caller;
    }

    public Referral referralVisibleToCaller(UUID id) {
        Referral referral = Referral.findById(id);
        if (referral == null || !caller.belongsTo(referral.referrerOrganization)) {
            throw ProblemException.notFound("referral");
        }
        return referral;
    }
}
