package org.linkwork.outcomes.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One published KPI table. {@code counts} tables are additive (their rows sum to {@code total});
 * a {@code funnel} counts referrals that reached each stage (each row includes the next); a
 * {@code statistics} table holds values (days, rates, means) with no total. A suppressed value is
 * null with {@code suppressed} true.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiTable(String name, String title, String kind, String unit, List<Row> rows, Number total, boolean totalSuppressed) {

    public static final String COUNTS = "counts";
    public static final String FUNNEL = "funnel";
    public static final String STATISTICS = "statistics";

    public record Row(String key, Number value, boolean suppressed) {
    }

    public Number value(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().map(Row::value).orElse(null);
    }
}
