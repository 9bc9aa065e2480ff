package org.linkwork.referral.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.problem.QueryParameters;

@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    public record AuditEvent(long id, Instant at, String actor, String actorRole, String actorOrg, String action, String personRef,
            UUID referralId, String detail) {
    }

    public record AuditPage(List<AuditEvent> items, int page, int size) {
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Who read or changed people's records", description = "Newest first; filter by personRef, actor, referralId, from, to.")
    public AuditPage query(@QueryParam("personRef") String personRef, @QueryParam("actor") String actor,
            @QueryParam("referralId") String referralId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        int page = QueryParameters.integer("page", pageParam, 0, 0, 100_000);
        int size = QueryParameters.integer("size", sizeParam, 50, 1, 500);
        StringBuilder sql = new StringBuilder(
                "select id, at, actor, actor_role, actor_org, action, person_ref, referral_id, detail from audit_event where 1 = 1");
        Map<Integer, Object> params = new LinkedHashMap<>();
        if (personRef != null) {
            params.put(params.size() + 1, personRef);
            sql.append(" and person_ref = ?").append(params.size());
        }
        if (actor != null) {
            params.put(params.size() + 1, actor);
            sql.append(" and actor = ?").append(params.size());
        }
        if (referralId != null) {
            try {
                params.put(params.size() + 1, UUID.fromString(referralId));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("referralId", "not a referral id (UUID)");
            }
            sql.append(" and referral_id = ?").append(params.size());
        }
        if (from != null) {
            params.put(params.size() + 1, Timestamp.from(instant("from", from)));
            sql.append(" and at >= ?").append(params.size());
        }
        if (to != null) {
            params.put(params.size() + 1, Timestamp.from(instant("to", to)));
            sql.append(" and at < ?").append(params.size());
        }
        sql.append(" order by id desc limit ").append(size).append(" offset ").append((long) page * size);
        var query = Panache.getEntityManager().createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditEvent> items = new ArrayList<>();
        for (Object[] r : rows) {
            Instant at = org.linkwork.referral.Times.instant(r[1]);
            items.add(new AuditEvent(((Number) r[0]).longValue(), at, (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], r[7] == null ? null : PersonRecords.uuid(r[7]), (String) r[8]));
        }
        return new AuditPage(items, page, size);
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "a date-time such as 2026-11-23T09:00:00Z");
        }
    }
}
