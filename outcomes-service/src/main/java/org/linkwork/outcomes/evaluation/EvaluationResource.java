package org.linkwork.outcomes.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.linkwork.outcomes.kpi.KpiFilter;
import org.linkwork.outcomes.kpi.KpiQuery;
import org.linkwork.outcomes.kpi.SelectedJourneys;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;

/**
 * The pseudonymous per-referral extract for evaluation research. Record-level, so for analysts only,
 * and every download is logged (who, how many rows; never the rows).
 */
@Path("/evaluation/extract")
public class EvaluationResource {

    private static final Logger LOG = Logger.getLogger(EvaluationResource.class);

    final SelectedJourneys journeys;
    final Caller caller;

    EvaluationResource(SelectedJourneys journeys, Caller caller) {
        this.journeys = journeys;
        this.caller = caller;
    }

    @GET
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    @RolesAllowed("analyst")
    @Operation(summary = "One pseudonymous row per referral: personRef, bands, timestamps, scores; format=csv (default) or json."
            + " Takes the KPI filters.")
    public Response extract(@BeanParam KpiQuery query, @QueryParam("format") String format) {
        String chosen = format == null || format.isBlank() ? "csv" : format.strip();
        if (!chosen.equals("csv") && !chosen.equals("json")) {
            throw ProblemException.invalid("format", "must be csv or json");
        }
        KpiFilter filter = KpiFilter.parse(query);
        List<EvaluationRow> rows = EvaluationExtract.rows(journeys.matching(filter));
        LOG.infof("Evaluation extract of %d referrals downloaded by %s", rows.size(), caller.username());
        String file = "linkwork-evaluation-" + Instant.now().toString().substring(0, 10) + "." + chosen;
        return Response.ok(chosen.equals("csv") ? EvaluationExtract.csv(rows) : rows)
                .type(chosen.equals("csv") ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .build();
    }
}
