package org.linkwork.directory.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsPage;
import org.linkwork.platform.problem.QueryParameters;
import org.linkwork.platform.security.Caller;

/** The entries due for review: a provider sees its own organisation's, an admin all. */
@Path("/review/due")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DueEntry(String serviceId, String name, String organizationId, LocalDate assuredDate, Long daysOverdue) {
    }

    final DirectoryEntries entries;
    final ReviewReminders reminders;
    final Caller caller;

    ReviewResource(DirectoryEntries entries, ReviewReminders reminders, Caller caller) {
        this.entries = entries;
        this.reminders = reminders;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"provider", "admin"})
    @Operation(summary = "Entries whose details have not been confirmed for longer than the review age, oldest first")
    public HsdsPage<DueEntry> due(@QueryParam("page") String pageParam, @QueryParam("per_page") String perPageParam) {
        int page = QueryParameters.integer("page", pageParam, 1, 1, 100_000);
        int perPage = QueryParameters.integer("per_page", perPageParam, 50, 1, 500);
        LocalDate freshSince = reminders.freshSince();
        String org = caller.isAdmin() ? null : caller.organisation().orElse("");
        String where = " where " + ReviewReminders.DUE + (org == null ? "" : " and s.organization_id = ?");
        try (Connection c = entries.connection(); PreparedStatement ps = c.prepareStatement(
                "select s.id, s.name, s.organization_id, s.assured_date, count(*) over () as total from service s" + where
                        + " order by s.assured_date asc nulls first, s.id limit ? offset ?")) {
            int i = 1;
            ps.setDate(i++, Date.valueOf(freshSince));
            if (org != null) {
                ps.setString(i++, org);
            }
            ps.setInt(i++, perPage);
            ps.setInt(i, (page - 1) * perPage);
            List<DueEntry> contents = new ArrayList<>();
            long total = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate assured = Jdbc.date(rs, "assured_date");
                    contents.add(new DueEntry(rs.getString(1), rs.getString(2), rs.getString(3), assured,
                            assured == null ? null : ChronoUnit.DAYS.between(freshSince, assured) * -1));
                    total = rs.getLong("total");
                }
            }
            return HsdsPage.of(contents, total, page, perPage);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }
}
