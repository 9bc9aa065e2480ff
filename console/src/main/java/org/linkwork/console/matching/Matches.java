package org.linkwork.console.matching;

import io.quarkus.qute.TemplateData;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A proposal as the matches page shows it: each ranked activity beside the verdict the link
 * worker already gave on it and the activity referral already sent to it, and the near-misses.
 */
@TemplateData
public record Matches(String proposedAt, boolean stored, List<Proposal> proposals, List<NearMiss> excluded) {

    /** Activity referral statuses still to be, or being, delivered. */
    static final Set<String> OPEN = Set.of("requested", "accepted", "in-progress", "on-hold");

    /** One ranked activity, with the latest verdict on it and the latest activity referral to it (null when none). */
    @TemplateData
    public record Proposal(int rank, String serviceId, String serviceName, Object score, Object distanceKm, List<String> reasons,
            List<String> reasonsAgainst, Verdict verdict, Map<String, Object> activity) {

        /** An activity referral to it is still open: a second one would be refused. */
        public boolean activityOpen() {
            return activity != null && OPEN.contains(String.valueOf(activity.get("status")));
        }
    }

    /** A link worker's verdict: chosen, or not suitable with a coded reason. */
    @TemplateData
    public record Verdict(String decision, String reasonCode, String linkWorker, String recordedAt) {

        public boolean chosen() {
            return "chosen".equals(decision);
        }
    }

    /** An activity a hard constraint ruled out, with every reason why. */
    @TemplateData
    public record NearMiss(String serviceId, String serviceName, List<String> reasons) {
    }

    /** Reads matching's answer; {@code activities} is referral-service's list of the referral's activity referrals (oldest first). */
    public static Matches of(Map<String, Object> match, List<Object> activities) {
        Map<String, Verdict> verdicts = latestVerdicts(list(match.get("feedback")));
        Map<String, Map<String, Object>> sent = latestActivities(activities);
        List<Proposal> proposals = new ArrayList<>();
        for (Object item : list(match.get("proposals"))) {
            if (item instanceof Map<?, ?> p) {
                String serviceId = text(p.get("serviceId"));
                proposals.add(new Proposal(p.get("rank") instanceof Number n ? n.intValue() : proposals.size() + 1, serviceId,
                        text(p.get("serviceName")), p.get("score"), p.get("distanceKm"), strings(p.get("reasons")),
                        strings(p.get("reasonsAgainst")), verdicts.get(serviceId), sent.get(serviceId)));
            }
        }
        List<NearMiss> excluded = new ArrayList<>();
        for (Object item : list(match.get("excluded"))) {
            if (item instanceof Map<?, ?> e) {
                excluded.add(new NearMiss(text(e.get("serviceId")), text(e.get("serviceName")), strings(e.get("reasons"))));
            }
        }
        return new Matches(text(match.get("proposedAt")), Boolean.TRUE.equals(match.get("stored")), List.copyOf(proposals),
                List.copyOf(excluded));
    }

    public boolean empty() {
        return proposals.isEmpty();
    }

    /** Whether the activity is among the proposals: a refusal about another one has no card to point at. */
    public boolean has(String serviceId) {
        return proposals.stream().anyMatch(p -> p.serviceId() != null && p.serviceId().equals(serviceId));
    }

    /** The latest verdict per activity: by recordedAt, and for the same moment the later in the list. */
    static Map<String, Verdict> latestVerdicts(List<Object> feedback) {
        Map<String, Verdict> latest = new LinkedHashMap<>();
        for (Object item : feedback) {
            if (item instanceof Map<?, ?> f && f.get("serviceId") != null) {
                Verdict v = new Verdict(text(f.get("decision")), text(f.get("reasonCode")), text(f.get("linkWorker")),
                        text(f.get("recordedAt")));
                latest.merge(text(f.get("serviceId")), v, (old, now) -> instant(now.recordedAt()).isBefore(instant(old.recordedAt())) ? old : now);
            }
        }
        return latest;
    }

    /** The latest activity referral per activity, by when it was requested. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> latestActivities(List<Object> activities) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        for (Object item : activities) {
            if (item instanceof Map<?, ?> a && a.get("serviceId") != null) {
                Map<String, Object> activity = (Map<String, Object>) a;
                latest.merge(text(a.get("serviceId")), activity,
                        (old, now) -> instant(text(now.get("requestedAt"))).isBefore(instant(text(old.get("requestedAt")))) ? old : now);
            }
        }
        return latest;
    }

    private static Instant instant(String value) {
        try {
            return value == null ? Instant.MIN : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? List.copyOf(l.stream().filter(java.util.Objects::nonNull).toList()) : List.of();
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
