package org.linkwork.referral.caseload;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.Referral;
import org.linkwork.referral.privacy.AuditLog;
import org.linkwork.referral.team.TeamMember;

@Path("/caseload")
@Produces(MediaType.APPLICATION_JSON)
public class CaseloadResource {

    final Caller caller;
    final AuditLog audit;

    CaseloadResource(Caller caller, AuditLog audit) {
        this.caller = caller;
        this.audit = audit;
    }

    @GET
    @RolesAllowed({"referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "Referrals to work on, overdue first",
            description = "Link workers: their own (scope=mine, the default) or their teams' (scope=team). Referrers: their practice's. "
                    + "Admins: all. Filters: status (comma-separated), overdue=true, practice.")
    public CaseloadPage list(@QueryParam("scope") String scope, @QueryParam("status") String status,
            @QueryParam("overdue") String overdue, @QueryParam("practice") String practice,
            @QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        int page = QueryParameters.integer("page", pageParam, 0, 0, 100_000);
        int size = QueryParameters.integer("size", sizeParam, 20, 1, 100);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (caller.isAdmin()) {
            // everything
        } else if (caller.hasRole(Caller.LINK_WORKER)) {
            if (scope == null || scope.equals("mine")) {
                where.append(" and linkWorker = :me");
                params.put("me", caller.username());
            } else if (scope.equals("team")) {
                List<String> teams = TeamMember.teamsOf(caller.username());
                if (teams.isEmpty()) {
                    return new CaseloadPage(List.of(), 0, page, size);
                }
                where.append(" and teamId in :teams");
                params.put("teams", teams);
            } else {
                throw ProblemException.invalid("scope", "one of mine, team");
            }
        } else {
            where.append(" and referrerOrganization = :org and source <> 'self'");
            params.put("org", caller.organisation().orElse("-"));
        }
        if (status != null && !status.isBlank()) {
            List<ReferralStatus> statuses = new ArrayList<>();
            for (String code : status.split(",")) {
                statuses.add(ReferralStatus.fromCode(code.strip()).orElseThrow(() -> ProblemException.invalid("status",
                        "not a referral status: " + code.strip() + "; one of "
                                + String.join(", ", Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList()))));
            }
            where.append(" and status in :statuses");
            params.put("statuses", statuses);
        }
        if (overdue != null) {
            if (!overdue.equals("true") && !overdue.equals("false")) {
                throw ProblemException.invalid("overdue", "true or false");
            }
            String due = "firstContactedAt is null and firstContactDue < :now and status in :waiting";
            where.append(overdue.equals("true") ? " and " + due : " and not (" + due + ")");
            params.put("now", Instant.now());
            params.put("waiting", List.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED));
        }
        if (practice != null && !practice.isBlank()) {
            where.append(" and referrerOrganization = :practice");
            params.put("practice", practice.strip());
        }
        // overdue first, then the soonest due, then the oldest
        PanacheQuery<Referral> query = Referral.find(where + " order by case when firstContactedAt is null and firstContactDue < :sortNow "
                + "and status in :sortWaiting then 0 else 1 end, firstContactDue nulls last, receivedAt, id", withSort(params));
        List<Referral> referrals = query.page(Page.of(page, size)).list();
        long total = Referral.count(where.toString(), params);
        audit.recordListed(referrals);
        Instant now = Instant.now();
        return new CaseloadPage(referrals.stream().map(r -> new CaseloadEntry(r.id, r.status.code(), r.person.personRef,
                r.person.displayName(), r.needCodes(), r.urgency, r.referrerOrganization, r.teamId, r.linkWorker, r.receivedAt,
                r.firstContactDue, r.overdue(now), NextAction.of(r.status, r.overdue(now)))).toList(), total, page, size);
    }

    private static Map<String, Object> withSort(Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("sortNow", Instant.now());
        all.put("sortWaiting", List.of(ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED));
        return all;
    }
}
