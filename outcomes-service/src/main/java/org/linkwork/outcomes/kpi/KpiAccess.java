package org.linkwork.outcomes.kpi;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Set;
import org.linkwork.outcomes.team.TeamMemberships;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Whose KPIs a caller may read: analysts and admins every organisation's and team's; a referrer only
 * their practice's slice, a provider only their organisation's (both from the token's {@code org_id});
 * a link worker only the referrals of the teams they are an active member of (never from the token's
 * organisation, which is their employer).
 */
@RequestScoped
public class KpiAccess {

    final Caller caller;
    final TeamMemberships teams;

    KpiAccess(Caller caller, TeamMemberships teams) {
        this.caller = caller;
        this.teams = teams;
    }

    public KpiFilter scope(KpiFilter asked) {
        if (caller.hasRole(Caller.ANALYST) || caller.isAdmin()) {
            return asked;
        }
        if (caller.hasRole(Caller.REFERRER)) {
            String practice = organisation();
            if (asked.practice() != null && !asked.practice().equalsIgnoreCase(practice)) {
                throw ProblemException.notFound("practice");
            }
            return asked.withPractice(practice.toUpperCase(java.util.Locale.ROOT));
        }
        if (caller.hasRole(Caller.PROVIDER)) {
            String provider = organisation();
            if (asked.provider() != null && !asked.provider().equals(provider)) {
                throw ProblemException.notFound("provider");
            }
            return asked.withProvider(provider);
        }
        if (caller.hasRole(Caller.LINK_WORKER)) {
            Set<String> mine = teams.activeTeamsOf(caller.username());
            if (asked.team() != null && !mine.contains(asked.team())) {
                throw ProblemException.notFound("team");
            }
            return asked.withinTeams(asked.team() != null ? Set.of(asked.team()) : mine);
        }
        throw forbidden("Your role does not give access to KPIs");
    }

    private String organisation() {
        return caller.organisation()
                .orElseThrow(() -> forbidden("Your token names no organisation (org_id), so there is no slice of KPIs to show you"));
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of("forbidden", "Forbidden", 403, detail, List.of()));
    }
}
