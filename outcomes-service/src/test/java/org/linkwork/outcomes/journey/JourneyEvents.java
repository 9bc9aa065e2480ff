package org.linkwork.outcomes.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.MatchFeedback;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralStatusChanged;

/** A whole referral's events, as the platform would publish them, for fold and KPI tests. */
public final class JourneyEvents {

    public static final Duration HOUR = Duration.ofHours(1);
    public static final Duration DAY = Duration.ofDays(1);

    private JourneyEvents() {
    }

    public static ReferralCreated created(String id, String practice, Instant at, String ageBand, String sex, String ethnicity,
            Integer decile) {
        return new ReferralCreated(id, personRef(id), "fhir", practice, List.of("loneliness"), "routine", "LS6", ageBand, sex, ethnicity,
                decile, "lw.demo", at);
    }

    public static ReferralStatusChanged status(String id, String practice, String from, String to, String reason, Instant at) {
        return new ReferralStatusChanged(id, personRef(id), practice, "lw.demo", from, to, reason, "link-worker", at);
    }

    public static ActivityReferralUpdated activity(String id, String activityId, String provider, String status, int sessions,
            Instant at) {
        return new ActivityReferralUpdated(activityId, id, personRef(id), "svc-walk", "physical-activity", provider, "Y90001", "lw.demo",
                status, null, sessions, null, at);
    }

    public static OutcomeRecorded outcome(String id, String measureId, String instrument, String timepoint, Map<String, Double> scores,
            Instant at) {
        return new OutcomeRecorded(measureId, id, personRef(id), instrument, timepoint, scores, at);
    }

    /** "p-" and 36 characters, as the schema wants, derived from the referral id so events agree. */
    public static String personRef(String referralId) {
        return "p-" + new StringBuilder(referralId).reverse();
    }

    /**
     * A referral that goes all the way: contacted after {@code toContact}, an activity started after
     * {@code toStart} and completed, SWEMWBS from 19.25 to {@code followUpMetric}.
     */
    public static List<LinkworkEvent> fullJourney(String id, String practice, Instant t0, Duration toContact, Duration toStart,
            double followUpMetric) {
        List<LinkworkEvent> events = new ArrayList<>();
        events.add(created(id, practice, t0, "65-74", "female", "asian", 2));
        events.add(new ReferralAssigned(id, personRef(id), practice, "lw.demo", "Lee Worker", null, "system", t0.plus(Duration.ofMinutes(1))));
        events.add(status(id, practice, "received", "accepted", null, t0.plus(HOUR)));
        events.add(status(id, practice, "accepted", "contacted", null, t0.plus(toContact)));
        Instant assessed = t0.plus(toContact).plus(HOUR);
        events.add(new ReferralAssessed(id, personRef(id), practice, "lw.demo", List.of("loneliness"), List.of("loneliness"), List.of("walking"),
                null, List.of(), List.of(), "full", null, false, "65-74", false, assessed));
        events.add(status(id, practice, "contacted", "assessed", null, assessed));
        events.add(new MatchProposed(id, personRef(id), practice, "lw.demo", List.of(), List.of(), assessed.plus(HOUR)));
        events.add(new MatchFeedback(id, personRef(id), "svc-walk", "chosen", null, 1, "lw.demo", assessed.plus(HOUR.multipliedBy(2))));
        events.add(new MatchFeedback(id, personRef(id), "svc-choir", "not-suitable", "too-far", 2, "lw.demo",
                assessed.plus(HOUR.multipliedBy(2))));
        events.add(status(id, practice, "assessed", "matched", null, assessed.plus(HOUR.multipliedBy(3))));
        String activityId = "ar-" + id;
        events.add(activity(id, activityId, "org-leeds-walking", "requested", 0, assessed.plus(HOUR.multipliedBy(3))));
        events.add(activity(id, activityId, "org-leeds-walking", "accepted", 0, assessed.plus(DAY)));
        Instant start = t0.plus(toStart);
        events.add(activity(id, activityId, "org-leeds-walking", "in-progress", 1, start));
        events.add(status(id, practice, "matched", "in-activity", null, start));
        events.add(activity(id, activityId, "org-leeds-walking", "in-progress", 4, start.plus(DAY.multipliedBy(14))));
        Instant done = start.plus(DAY.multipliedBy(42));
        events.add(new ActivityCompleted(activityId, id, personRef(id), "svc-walk", "org-leeds-walking", 6, done, practice,
                "Walk and talk"));
        events.add(activity(id, activityId, "org-leeds-walking", "completed", 6, done));
        events.add(status(id, practice, "in-activity", "completed", null, done));
        events.add(outcome(id, "m-b-" + id, "swemwbs", "baseline", Map.of("raw", 21.0, "metric", 19.25), assessed));
        events.add(outcome(id, "m-f-" + id, "swemwbs", "follow-up", Map.of("raw", 0.0, "metric", followUpMetric), done.plus(DAY)));
        events.add(status(id, practice, "completed", "closed", null, done.plus(DAY.multipliedBy(2))));
        return events;
    }
}
