package org.linkwork.outcomes.kpi;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The KPI filters as they arrive: strings, so a bad value is a 400 naming it (JAX-RS answers a
 * parameter it cannot convert with a bare 404), and an empty one ("?from=") filters nothing.
 */
public class KpiQuery {

    @QueryParam("practice") @Parameter(description = "GP practice ODS code (3-10 letters or digits)")
    public String practice;

    @QueryParam("team") @Parameter(description = "Link-worker team id (lower-case letters, digits and '-'): the referrals with that team now")
    public String team;

    @QueryParam("provider") @Parameter(description = "Provider organisation id")
    public String provider;

    @QueryParam("activityType") @Parameter(description = "Activity type (a taxonomy code)")
    public String activityType;

    @QueryParam("area") @Parameter(description = "Postcode district, e.g. LS6")
    public String area;

    @QueryParam("from") @Parameter(description = "Received on or after this day (yyyy-mm-dd)")
    public String from;

    @QueryParam("to") @Parameter(description = "Received on or before this day (yyyy-mm-dd)")
    public String to;

    @QueryParam("ageBand") @Parameter(description = "Age band, e.g. 65-74 or 75+")
    public String ageBand;

    @QueryParam("sex") @Parameter(description = "female, male, other or not-stated")
    public String sex;

    @QueryParam("ethnicityGroup") @Parameter(description = "asian, black, mixed, white, other or not-stated")
    public String ethnicityGroup;

    @QueryParam("deprivationDecile") @Parameter(description = "IMD decile, 1 (most deprived) to 10")
    public String deprivationDecile;

    public static KpiQuery of(String practice, String from, String to) {
        KpiQuery q = new KpiQuery();
        q.practice = practice;
        q.from = from;
        q.to = to;
        return q;
    }
}
