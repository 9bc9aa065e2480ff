package org.linkwork.outcomes.kpi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.events.ReferralStatus;

/** How many referrals are in each status now, counted in the database. */
@ApplicationScoped
public class ReferralCounts {

    final EntityManager em;

    /** The days of from/to are days of this calendar, so "1 June" means 1 June as the practice lives it. */
    @ConfigProperty(name = "linkwork.kpis.time-zone", defaultValue = "Europe/London")
    ZoneId zone;

    ReferralCounts(EntityManager em) {
        this.em = em;
    }

    /** Every status of the lifecycle, in its order, zero when no referral is in it. */
    public Map<ReferralStatus, Long> byStatus(KpiFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.practice() != null) {
            conditions.add("p.referrerOrganization = :practice");
        }
        // a referral whose referral-created has not arrived has no receivedAt, so a date filter leaves it out
        if (filter.from() != null) {
            conditions.add("p.receivedAt >= :from");
        }
        if (filter.to() != null) {
            conditions.add("p.receivedAt < :before");
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        TypedQuery<Object[]> query = em.createQuery(
                "select p.status, count(p) from ReferralProgress p" + where + " group by p.status", Object[].class);
        if (filter.practice() != null) {
            query.setParameter("practice", filter.practice());
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            Instant dayAfter = filter.to().plusDays(1).atStartOfDay(zone).toInstant();
            query.setParameter("before", dayAfter);
        }
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        for (ReferralStatus status : ReferralStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : query.getResultList()) {
            counts.put((ReferralStatus) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
