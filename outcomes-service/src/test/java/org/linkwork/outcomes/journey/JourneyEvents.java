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
        return created(id, practice, at, ageBand, sex, ethnicity, decile, null);
    }

    public static ReferralCreated created(String id, String practice, Instant at, String ageBand, String sex, String ethnicity,
            Integer decile, String team) {
        return new ReferralCreated(id, personRef(id), "fhir", practice, List.of("loneliness"), "routine", "LS6", ageBand, sex, ethnicity,
                decile, "lw.demo", at, team);
    }

    public static ReferralStatusChanged status(String id, String practice, String from, String to, String reason, Instant at) {
        return status(id, practice, from, to, reason, at, null);
    }

    public static ReferralStatusChanged status(String id, String practice, String from, String to, String reason, Instant at,
            String team) {
        return new ReferralStatusChanged(id, personRef(id), practice, "lw.demo", from, to, reason, "link-worker", at, team,
                "lw.demo");
    }

    /** A move between teams: the referral given to a link worker of {@code to}, by hand, with a coded reason. */
    public static ReferralAssigned movedTeam(String id, String practice, String from, String to, Instant at) {
        return new ReferralAssigned(id, personRef(id), practice, "lw.other", "Other Worker", "lw.demo", "link-worker", at, to, from,
                "lw.demo", "wrong-practice");
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
     * {@code toStart} and completed, SWEMWBS from 19.25 to {@code followUpMetric}. 21 events, none naming a
     * team (as written before teams were carried).
     */
    public static List<LinkworkEvent> fullJourney(String id, String practice, Instant t0, Duration toContact, Duration toStart,
            double followUpMetric) {
        return fullJourney(id, practice, t0, toContact, toStart, followUpMetric, null, null);
    }

    /** When the journey of {@link #fullJourney(String, String, Instant, Duration, Duration, double, String, String)} moves team. */
    public static Instant moveAt(Instant t0, Duration toContact) {
        return t0.plus(toContact).plus(Duration.ofMinutes(30));
    }

    /**
     * The same journey with team {@code team} serving it. With {@code movedTo}, it is moved to that team
     * half an hour after first contact ({@link #moveAt}), and every event after names the new team: 22 events.
     */
    public static List<LinkworkEvent> fullJourney(String id, String practice, Instant t0, Duration toContact, Duration toStart,
            double followUpMetric, String team, String movedTo) {
        Instant moved = movedTo == null ? null : moveAt(t0, toContact);
        java.util.function.Function<Instant, String> teamAt = t -> moved != null && !t.isBefore(moved) ? movedTo : team;
        List<LinkworkEvent> events = new ArrayList<>();
        events.add(created(id, practice, t0, "65-74", "female", "asian", 2, team));
        Instant assigned = t0.plus(Duration.ofMinutes(1));
        events.add(new ReferralAssigned(id, personRef(id), practice, "lw.demo", "Lee Worker", null, "system", assigned, team, null, null,
                null));
        events.add(status(id, practice, "received", "accepted", null, t0.plus(HOUR), teamAt.apply(t0.plus(HOUR))));
        events.add(status(id, practice, "accepted", "contacted", null, t0.plus(toContact), teamAt.apply(t0.plus(toContact))));
        if (moved != null) {
            events.add(movedTeam(id, practice, team, movedTo, moved));
        }
        Instant assessed = t0.plus(toContact).plus(HOUR);
        events.add(new ReferralAssessed(id, personRef(id), practice, "lw.demo", List.of("loneliness"), List.of("loneliness"), List.of("walking"),
                null, List.of(), List.of(), "full", null, false, "65-74", false, assessed, teamAt.apply(assessed)));
        events.add(status(id, practice, "contacted", "assessed", null, assessed, teamAt.apply(assessed)));
        events.add(new MatchProposed(id, personRef(id), practice, "lw.demo", List.of(), List.of(), assessed.plus(HOUR),
                teamAt.apply(assessed), null));
        events.add(new MatchFeedback(id, personRef(id), "svc-walk", "chosen", null, 1, "lw.demo", assessed.plus(HOUR.multipliedBy(2))));
        events.add(new MatchFeedback(id, personRef(id), "svc-choir", "not-suitable", "too-far", 2, "lw.demo",
                assessed.plus(HOUR.multipliedBy(2))));
        events.add(status(id, practice, "assessed", "matched", null, assessed.plus(HOUR.multipliedBy(3)), teamAt.apply(assessed)));
        String activityId = "ar-" + id;
        events.add(activity(id, activityId, "org-leeds-walking", "requested", 0, assessed.plus(HOUR.multipliedBy(3))));
        events.add(activity(id, activityId, "org-leeds-walking", "accepted", 0, assessed.plus(DAY)));
        Instant start = t0.plus(toStart);
        events.add(activity(id, activityId, "org-leeds-walking", "in-progress", 1, start));
        events.add(status(id, practice, "matched", "in-activity", null, start, teamAt.apply(start)));
        events.add(activity(id, activityId, "org-leeds-walking", "in-progress", 4, start.plus(DAY.multipliedBy(14))));
        Instant done = start.plus(DAY.multipliedBy(42));
        events.add(new ActivityCompleted(activityId, id, personRef(id), "svc-walk", "org-leeds-walking", 6, done, practice,
                "Walk and talk"));
        events.add(activity(id, activityId, "org-leeds-walking", "completed", 6, done));
        events.add(status(id, practice, "in-activity", "completed", null, done, teamAt.apply(done)));
        events.add(outcome(id, "m-b-" + id, "swemwbs", "baseline", Map.of("raw", 21.0, "metric", 19.25), assessed));
        events.add(outcome(id, "m-f-" + id, "swemwbs", "follow-up", Map.of("raw", 0.0, "metric", followUpMetric), done.plus(DAY)));
        events.add(status(id, practice, "completed", "closed", null, done.plus(DAY.multipliedBy(2)), teamAt.apply(done)));
        return events;
    }
}
