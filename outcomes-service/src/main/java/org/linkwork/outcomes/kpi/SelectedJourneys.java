package org.linkwork.outcomes.kpi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.outcomes.journey.JourneyJson;
import org.linkwork.outcomes.journey.JourneyTable;
import org.linkwork.outcomes.journey.ReferralJourney;

/** The stored journeys a KPI filter selects, filtered in the database on the journey's columns. */
@ApplicationScoped
public class SelectedJourneys {

    final EntityManager em;

    /** The days of from/to are days of this calendar, so "1 June" means 1 June as the practice lives it. */
    @ConfigProperty(name = "linkwork.kpis.time-zone", defaultValue = "Europe/London")
    ZoneId zone;

    SelectedJourneys(EntityManager em) {
        this.em = em;
    }

    public ZoneId zone() {
        return zone;
    }

    @Transactional
    public List<ReferralJourney> matching(KpiFilter f) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(conditions, parameters, f.practice(), "practice = :practice", "practice");
        condition(conditions, parameters, f.team(), "team_id = :team", "team");
        if (f.teams() != null) {
            // a link worker's scope: a referral whose team is not known is in nobody's
            conditions.add("team_id = any(cast(:teams as text[]))");
            parameters.put("teams", JourneyTable.array(new TreeSet<>(f.teams())));
        }
        condition(conditions, parameters, f.provider(), ":provider = any(providers)", "provider");
        condition(conditions, parameters, f.activityType(), ":activityType = any(activity_types)", "activityType");
        condition(conditions, parameters, f.area(), "postcode_district = :area", "area");
        condition(conditions, parameters, f.ageBand(), "age_band = :ageBand", "ageBand");
        condition(conditions, parameters, f.sex(), "sex = :sex", "sex");
        condition(conditions, parameters, f.ethnicityGroup(), "ethnicity_group = :ethnicity", "ethnicity");
        condition(conditions, parameters, f.deprivationDecile(), "deprivation_decile = :decile", "decile");
        // a referral whose referral-created has not arrived has no receivedAt, so a date filter leaves it out
        condition(conditions, parameters, f.from() == null ? null : java.sql.Timestamp.from(f.from().atStartOfDay(zone).toInstant()),
                "received_at >= :from", "from");
        condition(conditions, parameters, f.to() == null ? null
                : java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(zone).toInstant()), "received_at < :before", "before");
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Query query = em.createNativeQuery("select cast(journey as text) from referral_journey" + where);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<String> rows = query.getResultList();
        List<ReferralJourney> journeys = new ArrayList<>(rows.size());
        for (String row : rows) {
            ReferralJourney j = JourneyJson.read(row);
            if (j.referralId != null) {
                journeys.add(j);
            }
        }
        return journeys;
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, Object value, String sql, String name) {
        if (value != null) {
            conditions.add(sql);
            parameters.put(name, value instanceof Integer i ? i.shortValue() : value);
        }
    }
}
