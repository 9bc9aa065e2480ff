package org.linkwork.outcomes.kpi;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.linkwork.outcomes.journey.ProjectionRebuild;
import org.linkwork.platform.problem.ProblemException;

/**
 * KPIs from the lifecycle events: aggregate counts only, with small numbers suppressed. Analysts and
 * admins see every organisation; a referrer their practice, a provider their organisation, a link
 * worker the teams they are an active member of.
 */
@Path("/kpis")
public class KpiResource {

    final SelectedJourneys journeys;
    final KpiAccess access;
    final ProjectionRebuild rebuild;

    /** Counts from 1 to this minus 1 are suppressed; 0 or 1 switches suppression off. */
    @ConfigProperty(name = "linkwork.kpis.small-number-threshold", defaultValue = "7")
    int threshold;

    KpiResource(SelectedJourneys journeys, KpiAccess access, ProjectionRebuild rebuild) {
        this.journeys = journeys;
        this.access = access;
        this.rebuild = rebuild;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"analyst", "admin", "referrer", "provider", "link-worker"})
    @Operation(summary = "KPI tables: referrals by status and team; received by source, practice, month and area; the funnel with exits;"
            + " times to first contact and to activity start; activity completion; match acceptance; wellbeing change;"
            + " equity breakdowns. Small numbers suppressed.")
    public KpiReport kpis(@BeanParam KpiQuery query) {
        return report(query);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed({"analyst", "admin", "referrer", "provider", "link-worker"})
    @Operation(summary = "The same KPI tables as a download: format=csv (default) or json")
    public Response export(@BeanParam KpiQuery query, @QueryParam("format") String format) {
        String chosen = format == null || format.isBlank() ? "csv" : format.strip();
        if (!chosen.equals("csv") && !chosen.equals("json")) {
            throw ProblemException.invalid("format", "must be csv or json");
        }
        KpiReport report = report(query);
        String file = "linkwork-kpis-" + report.generatedAt().toString().substring(0, 10) + "." + chosen;
        return Response.ok(chosen.equals("csv") ? KpiCsv.write(report) : report)
                .type(chosen.equals("csv") ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }

    @POST
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Rebuild the KPI projections from the topics, from offset zero")
    public ProjectionRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    private KpiReport report(KpiQuery query) {
        KpiFilter filter = access.scope(KpiFilter.parse(query));
        return new KpiCalculator(filter, journeys.zone(), threshold).report(journeys.matching(filter), Instant.now());
    }
}
