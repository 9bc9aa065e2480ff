package org.linkwork.outcomes.kpi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Pseudonymised aggregate KPIs for analysts. They span every organisation by design (the analyst
 * role is cross-organisational and the answer holds counts only), so there is no organisation check.
 */
@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    final ReferralCounts counts;

    KpiResource(ReferralCounts counts) {
        this.counts = counts;
    }

    @GET
    @RolesAllowed({"analyst", "admin"})
    @Operation(summary = "Count referrals by their current status",
            description = "Every status of the lifecycle is listed, zeros included. Dates are days in linkwork.kpis.time-zone.")
    public KpiReport kpis(
            @Parameter(description = "Only referrals from this GP practice (ODS code, 3-10 letters or digits)")
            @QueryParam("practice") String practice,
            @Parameter(description = "Only referrals received on or after this day (yyyy-mm-dd)")
            @QueryParam("from") String from,
            @Parameter(description = "Only referrals received on or before this day (yyyy-mm-dd)")
            @QueryParam("to") String to) {
        // strings, not LocalDate: a parameter that fails conversion would be a bare 404, not a 400 naming it;
        // an empty one ("?from=") arrives as null and filters nothing, like an emptied form field
        KpiFilter filter = KpiFilter.parse(practice, from, to);
        return KpiReport.of(counts.byStatus(filter), Instant.now());
    }
}
