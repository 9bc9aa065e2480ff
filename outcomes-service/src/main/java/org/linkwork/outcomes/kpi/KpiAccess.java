package org.linkwork.outcomes.kpi;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * Whose KPIs a caller may read: analysts and admins every organisation's; a referrer only their
 * practice's slice, a provider only their organisation's (both from the token's {@code org_id}).
 */
@RequestScoped
public class KpiAccess {

    final Caller caller;

    KpiAccess(Caller caller) {
        this.caller = caller;
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
