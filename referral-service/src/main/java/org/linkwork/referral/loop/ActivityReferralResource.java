package org.linkwork.referral.loop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;
import org.linkwork.platform.security.Caller;
import org.linkwork.referral.Referral;
import org.linkwork.referral.loop.ActivityTransitions.Party;
import org.linkwork.referral.privacy.AuditLog;

/** Activity referrals for providers and care teams: the provider's list, the answer, attendance, the end. */
@Path("/activity-referrals")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityReferralResource {

    final ActivityAccess access;
    final ActivityReferrals loop;
    final AuditLog audit;
    final ObjectMapper json;

    ActivityReferralResource(ActivityAccess access, ActivityReferrals loop, AuditLog audit, ObjectMapper json) {
        this.access = access;
        this.loop = loop;
        this.audit = audit;
        this.json = json;
    }

    public record ActivityReferralPage(List<ActivityReferralView> items, int page, int size, long total) {
    }

    @GET
    @RolesAllowed({"provider", "admin"})
    @Transactional
    @Operation(summary = "Activity referrals sent to your organisation, latest change first",
            description = "Providers see their organisation's; admins all. Filter status (comma-separated); page, size (≤ 100).")
    public ActivityReferralPage list(@QueryParam("status") String status, @QueryParam("page") String pageParam,
            @QueryParam("size") String sizeParam) {
        int page = QueryParameters.integer("page", pageParam, 0, 0, 100_000);
        int size = QueryParameters.integer("size", sizeParam, 20, 1, 100);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        Caller caller = access.caller();
        if (!caller.isAdmin()) {
            where.append(" and providerOrganization = :org");
            params.put("org", caller.organisation().orElse("-"));
        }
        if (status != null && !status.isBlank()) {
            List<String> codes = Arrays.stream(status.split(",")).map(String::strip).toList();
            for (String code : codes) {
                if (ActivityStatus.fromCode(code).isEmpty()) {
                    throw ProblemException.invalid("status", "not an activity referral status: " + code);
                }
            }
            where.append(" and status in :statuses");
            params.put("statuses", codes.stream().map(c -> ActivityStatus.fromCode(c).orElseThrow()).toList());
        }
        var query = ActivityReferral.<ActivityReferral>find(where + " order by updatedAt desc", params);
        long total = query.count();
        List<ActivityReferralView> items = new ArrayList<>();
        for (ActivityReferral a : query.page(page, size).list()) {
            items.add(view(a, "list"));
        }
        return new ActivityReferralPage(items, page, size, total);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"provider", "referrer", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "An activity referral", description = "The provider sees the person's minimum details while it is open.")
    public ActivityReferralView read(@PathParam("id") UUID id) {
        return view(access.visible(id), "read");
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"provider", "link-worker", "admin"})
    @Transactional
    @Operation(summary = "Move an activity referral",
            description = "The provider accepts, rejects (reasonCode), starts (in-progress), puts on hold, completes or marks failed "
                    + "(reasonCode); the requester may cancel (reasonCode). Illegal moves are 409 with the allowed ones.")
    public ActivityReferralView move(@PathParam("id") UUID id, @NotNull @Valid ActivityRequests.Move request) {
        ActivityReferral a = access.visible(id);
        ActivityStatus to = ActivityStatus.fromCode(request.status()).orElseThrow(() -> ProblemException.invalid("status",
                "not an activity referral status; one of " + String.join(", ",
                        Arrays.stream(ActivityStatus.values()).map(ActivityStatus::code).toList())));
        Party party = access.partyOf(a).orElseThrow(() -> ActivityReferrals.illegal(a, to, Party.REQUESTER));
        loop.move(a, to, party, access.caller().username(), access.actingRole(a), request.reasonCode(), request.comment(),
                request.nextSessionAt(), List.of());
        audit.record("activity-" + to.code(), a.referral(), a.id.toString());
        return view(a, null);
    }

    @POST
    @Path("/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("provider")
    @Transactional
    @Operation(summary = "Record a session: attended or missed", description = "While the activity is in progress; the same session again corrects it.")
    public ActivityReferralView attend(@PathParam("id") UUID id, @NotNull @Valid ActivityRequests.Attendance request) {
        ActivityReferral a = access.visible(id);
        if (!access.isOwner(a)) {
            throw ProblemException.notFound("activity referral");
        }
        loop.attend(a, request.sessionAt(), request.attended(), request.nextSessionAt(), access.caller().username(), Caller.PROVIDER);
        audit.record("attendance", a.referral(), a.id.toString());
        return view(a, null);
    }

    /** The caller's view; a read by the provider of a person's details is audited. */
    ActivityReferralView view(ActivityReferral a, String auditAction) {
        List<String> allowed = access.partyOf(a).map(p -> ActivityTransitions.allowedFor(a.status, p).stream().map(ActivityStatus::code)
                .toList()).orElse(List.of());
        Referral referral = a.referral();
        if (access.isOwner(a)) {
            ProviderPerson person = ProviderPerson.of(a, referral, json).orElse(null);
            if (person != null && auditAction != null) {
                audit.record("provider-" + auditAction, referral, a.id.toString());
            }
            return ActivityReferralView.forProvider(a, person, allowed);
        }
        return ActivityReferralView.forCareTeam(a, allowed);
    }
}
