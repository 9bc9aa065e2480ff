package org.linkwork.outcomes.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of the referrals a filter selected. {@code referralsByStatus} lists every status of the
 * lifecycle in order, zeros included (a suppressed count is null), and {@code total} is their sum;
 * {@code tables} holds every KPI table, suppressed with {@code suppressionThreshold}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiReport(Map<String, Long> referralsByStatus, Long total, Instant generatedAt, int suppressionThreshold,
        KpiFilter filter, List<KpiTable> tables) {

    public KpiTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
