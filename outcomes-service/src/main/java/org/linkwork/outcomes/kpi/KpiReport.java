package org.linkwork.outcomes.kpi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linkwork.events.ReferralStatus;

/**
 * Referral KPIs: how many referrals are in each status (every status of the lifecycle, in order,
 * zeros included, so a dashboard needs no list of its own), their total, and when this was counted.
 */
public record KpiReport(Map<String, Long> referralsByStatus, long total, Instant generatedAt) {

    public static KpiReport of(Map<ReferralStatus, Long> counts, Instant now) {
        Map<String, Long> byCode = new LinkedHashMap<>();
        for (ReferralStatus status : ReferralStatus.values()) {
            byCode.put(status.code(), counts.getOrDefault(status, 0L));
        }
        long total = byCode.values().stream().mapToLong(Long::longValue).sum();
        return new KpiReport(byCode, total, now);
    }
}
