package org.linkwork.referral.summary;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linkwork.events.ReferralStatus;
import org.linkwork.referral.Referral;
import org.linkwork.referral.Times;
import org.linkwork.referral.lifecycle.StatusChange;
import org.linkwork.referral.loop.ActivityProcedure;
import org.linkwork.referral.loop.ActivityReferral;

/** Builds the message back to the referrer from the referral, its activity referrals and the wellbeing scores heard of. */
@ApplicationScoped
public class Summaries {

    public static final String SNOMED = "http://snomed.info/sct";
    public static final ReferralSummary.Code REFERRED = new ReferralSummary.Code(SNOMED, "871731000000106",
            "Referral to social prescribing service");
    public static final ReferralSummary.Code DECLINED = new ReferralSummary.Code(SNOMED, "871711000000103", "Social prescribing declined");

    final ObjectMapper json;

    Summaries(ObjectMapper json) {
        this.json = json;
    }

    public ReferralSummary of(Referral r) {
        List<ReferralSummary.Activity> activities = ActivityReferral.ofReferral(r.id).stream()
                .map(a -> new ReferralSummary.Activity(a.id, a.serviceName, a.providerOrganization, a.status.code(), a.statusReasonCode,
                        a.startedAt != null, a.sessionsAttended, a.startedAt, a.endedAt,
                        ActivityProcedure.ofActivity(a.id).stream().map(p -> "Procedure/" + p.id).toList()))
                .toList();
        boolean consent = r.consentWithdrawnAt == null;
        String reason = r.status.isOpen() && r.status != ReferralStatus.COMPLETED ? null : lastReason(r);
        return new ReferralSummary(r.id, r.status.code(), outcome(r.status), reason,
                r.status == ReferralStatus.DECLINED ? DECLINED : REFERRED, r.receivedAt, r.updatedAt, consent, activities,
                consent ? wellbeing(r) : null);
    }

    static String outcome(ReferralStatus status) {
        return switch (status) {
            case COMPLETED -> "completed";
            case CLOSED -> "closed";
            case DECLINED -> "declined";
            case REJECTED -> "not-appropriate";
            case UNABLE_TO_CONTACT -> "unable-to-contact";
            case WITHDRAWN -> "withdrawn";
            default -> "open";
        };
    }

    private static String lastReason(Referral r) {
        StatusChange last = StatusChange.<StatusChange>find("referralId = ?1 order by changedAt desc", r.id).firstResult();
        return last == null ? null : last.reasonCode;
    }

    private List<ReferralSummary.Wellbeing> wellbeing(Referral r) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery(
                "select instrument, timepoint, scores, recorded_at from wellbeing_score where referral_id = ?1 order by recorded_at, measure_id")
                .setParameter(1, r.id).getResultList();
        Map<String, List<Object[]>> byInstrument = new TreeMap<>();
        rows.forEach(row -> byInstrument.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(row));
        List<ReferralSummary.Wellbeing> out = new ArrayList<>();
        byInstrument.forEach((instrument, measures) -> {
            Object[] baseline = measures.stream().filter(m -> "baseline".equals(m[1])).findFirst().orElse(null);
            Object[] latest = measures.stream().filter(m -> !"baseline".equals(m[1])).reduce((a, b) -> b).orElse(null);
            Map<String, Double> before = baseline == null ? null : scores((String) baseline[2]);
            Map<String, Double> after = latest == null ? null : scores((String) latest[2]);
            Map<String, Double> change = null;
            if (before != null && after != null) {
                change = new LinkedHashMap<>();
                for (var e : after.entrySet()) {
                    if (before.containsKey(e.getKey())) {
                        change.put(e.getKey(), Math.round((e.getValue() - before.get(e.getKey())) * 100) / 100.0);
                    }
                }
            }
            out.add(new ReferralSummary.Wellbeing(instrument, baseline == null ? null : Times.instant(baseline[3]), before,
                    latest == null ? null : Times.instant(latest[3]), after, change));
        });
        return out;
    }

    private Map<String, Double> scores(String stored) {
        try {
            return json.readValue(stored, new TypeReference<TreeMap<String, Double>>() {
            });
        } catch (IOException e) {
            return Map.of();
        }
    }
}
