package org.linkwork.outcomes.journey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.MatchFeedback;
import org.linkwork.events.MatchProposed;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.ReferralStatusChanged;

/**
 * Folds one lifecycle event into a referral's journey. Each fold keeps the earliest first, the latest
 * status by the event's own time (ties broken by lifecycle order) and the largest count, so the
 * result does not depend on duplicates or on the order events arrive in.
 */
public final class JourneyFold {

    /** The Gravity (FHIR SDOH) Task statuses of an activity referral, for deterministic tie-breaks. */
    static final List<String> ACTIVITY_STATUSES = List.of("requested", "accepted", "on-hold", "in-progress", "rejected",
            "cancelled", "failed", "completed");

    private JourneyFold() {
    }

    /** The referral an event belongs to; a malformed one is a poison message. */
    public static UUID referralIdOf(LinkworkEvent event) {
        String id = switch (event) {
            case ReferralCreated e -> e.referralId();
            case ReferralStatusChanged e -> e.referralId();
            case ReferralAssigned e -> e.referralId();
            case ReferralOverdue e -> e.referralId();
            case ReferralAssessed e -> e.referralId();
            case ActivityReferralUpdated e -> e.referralId();
            case ActivityCompleted e -> e.referralId();
            case MatchProposed e -> e.referralId();
            case MatchFeedback e -> e.referralId();
            case OutcomeRecorded e -> e.referralId();
            default -> throw new MalformedEventException(event.getClass().getSimpleName() + " is not a lifecycle event");
        };
        try {
            return UUID.fromString(required(id, "referralId"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("referralId is not a UUID");
        }
    }

    /** Checks the event and folds it in; throws {@link MalformedEventException} before changing anything. */
    public static void apply(ReferralJourney j, LinkworkEvent event) {
        j.referralId = referralIdOf(event).toString();
        switch (event) {
            case ReferralCreated e -> created(j, e);
            case ReferralStatusChanged e -> statusChanged(j, e);
            case ReferralAssigned e -> {
                Instant at = required(e.assignedAt(), "assignedAt");
                person(j, e.personRef());
                practice(j, e.referrerOrganization());
                // a move between teams (previousTeamId set) is an assignment like any other: its team wins by its time
                team(j, e.teamId(), at);
                j.firstAssignedAt = earliest(j.firstAssignedAt, at);
            }
            case ReferralOverdue e -> {
                Instant at = required(e.overdueAt(), "overdueAt");
                person(j, e.personRef());
                practice(j, e.referrerOrganization());
                team(j, e.teamId(), at);
                j.overdueAt = earliest(j.overdueAt, at);
            }
            case ReferralAssessed e -> {
                Instant at = required(e.assessedAt(), "assessedAt");
                person(j, e.personRef());
                practice(j, e.referrerOrganization());
                team(j, e.teamId(), at);
                j.assessedAt = earliest(j.assessedAt, at);
            }
            case ActivityReferralUpdated e -> activityUpdated(j, e);
            case ActivityCompleted e -> activityCompleted(j, e);
            case MatchProposed e -> {
                Instant at = required(e.proposedAt(), "proposedAt");
                person(j, e.personRef());
                practice(j, e.referrerOrganization());
                j.firstProposedAt = earliest(j.firstProposedAt, at);
            }
            case MatchFeedback e -> feedback(j, e);
            case OutcomeRecorded e -> outcome(j, e);
            default -> throw new MalformedEventException("not a lifecycle event");
        }
    }

    private static void created(ReferralJourney j, ReferralCreated e) {
        Instant receivedAt = required(e.receivedAt(), "receivedAt");
        if (e.deprivationDecile() != null && (e.deprivationDecile() < 1 || e.deprivationDecile() > 10)) {
            throw new MalformedEventException("deprivationDecile is not 1 to 10");
        }
        person(j, e.personRef());
        j.source = e.source();
        // referral-created is the authority on the practice; a status change only fills it in meanwhile
        String practice = practiceCode(e.referrerOrganization());
        if (practice != null) {
            j.practice = practice;
        }
        j.needs = e.needs() == null ? null : e.needs().stream().filter(Objects::nonNull).distinct().sorted()
                .collect(Collectors.joining(","));
        j.postcodeDistrict = e.postcodeDistrict();
        j.ageBand = e.ageBand();
        j.sex = e.sex();
        j.ethnicityGroup = e.ethnicityGroup();
        j.deprivationDecile = e.deprivationDecile();
        j.receivedAt = receivedAt;
        team(j, e.teamId(), receivedAt);
        // every status change follows creation: creation never overwrites a status a change has set
        if (j.status == null) {
            j.status = ReferralStatus.RECEIVED.code();
        }
        j.entered.merge(ReferralStatus.RECEIVED.code(), receivedAt, JourneyFold::earliest);
    }

    private static void statusChanged(ReferralJourney j, ReferralStatusChanged e) {
        ReferralStatus to = ReferralStatus.fromCode(e.toStatus())
                .orElseThrow(() -> new MalformedEventException("toStatus is not a referral status of the lifecycle"));
        Instant at = required(e.changedAt(), "changedAt");
        person(j, e.personRef());
        practice(j, e.referrerOrganization());
        team(j, e.teamId(), at);
        if (j.statusAt == null || at.isAfter(j.statusAt)
                || at.equals(j.statusAt) && ReferralStatus.fromCode(j.status).map(s -> to.ordinal() > s.ordinal()).orElse(true)) {
            j.status = to.code();
            j.statusAt = at;
            j.statusReason = e.reasonCode();
        } else if (at.equals(j.statusAt) && to.code().equals(j.status)) {
            j.statusReason = max(j.statusReason, e.reasonCode());
        }
        j.entered.merge(to.code(), at, JourneyFold::earliest);
    }

    private static void activityUpdated(ReferralJourney j, ActivityReferralUpdated e) {
        String id = required(e.activityReferralId(), "activityReferralId");
        Instant at = required(e.updatedAt(), "updatedAt");
        String status = required(e.status(), "status");
        if (!ACTIVITY_STATUSES.contains(status)) {
            throw new MalformedEventException("status is not an activity referral status");
        }
        person(j, e.personRef());
        practice(j, e.referrerOrganization());
        ReferralJourney.Activity a = j.activities.computeIfAbsent(id, k -> new ReferralJourney.Activity());
        describe(a, e.serviceId(), e.providerOrganizationId());
        if (e.activityType() != null) {
            a.activityType = e.activityType();
        }
        if (a.statusAt == null || at.isAfter(a.statusAt)
                || at.equals(a.statusAt) && ACTIVITY_STATUSES.indexOf(status) > ACTIVITY_STATUSES.indexOf(a.status)) {
            a.status = status;
            a.statusAt = at;
            a.statusReason = e.statusReasonCode();
        }
        if ("requested".equals(status)) {
            a.requestedAt = earliest(a.requestedAt, at);
        }
        if ("in-progress".equals(status) || "completed".equals(status) || e.sessionsAttended() > 0) {
            a.startedAt = earliest(a.startedAt, at);
        }
        if ("completed".equals(status)) {
            a.completedAt = earliest(a.completedAt, at);
        }
        a.sessionsAttended = Math.max(a.sessionsAttended, e.sessionsAttended());
    }

    private static void activityCompleted(ReferralJourney j, ActivityCompleted e) {
        String id = required(e.activityReferralId(), "activityReferralId");
        Instant at = required(e.completedAt(), "completedAt");
        person(j, e.personRef());
        practice(j, e.referrerOrganization()); // absent from completions written before it was carried
        ReferralJourney.Activity a = j.activities.computeIfAbsent(id, k -> new ReferralJourney.Activity());
        describe(a, e.serviceId(), e.providerOrganizationId());
        a.completedAt = earliest(a.completedAt, at);
        a.startedAt = earliest(a.startedAt, at);
        a.sessionsAttended = Math.max(a.sessionsAttended, e.sessionsAttended());
    }

    private static void feedback(ReferralJourney j, MatchFeedback e) {
        String service = required(e.serviceId(), "serviceId");
        Instant at = required(e.recordedAt(), "recordedAt");
        String decision = required(e.decision(), "decision");
        if (!"chosen".equals(decision) && !"not-suitable".equals(decision)) {
            throw new MalformedEventException("decision is not chosen or not-suitable");
        }
        person(j, e.personRef());
        ReferralJourney.Decision next = new ReferralJourney.Decision(decision, e.reasonCode(), e.rank(), at);
        j.decisions.merge(service, next, (old, candidate) -> DECISION_ORDER.compare(candidate, old) > 0 ? candidate : old);
    }

    private static final Comparator<ReferralJourney.Decision> DECISION_ORDER = Comparator
            .comparing(ReferralJourney.Decision::recordedAt)
            .thenComparing(ReferralJourney.Decision::decision)
            .thenComparing(d -> d.reasonCode() == null ? "" : d.reasonCode());

    private static void outcome(ReferralJourney j, OutcomeRecorded e) {
        String measureId = required(e.measureId(), "measureId");
        Instant at = required(e.recordedAt(), "recordedAt");
        String instrument = required(e.instrument(), "instrument");
        String timepoint = required(e.timepoint(), "timepoint");
        required(e.scores(), "scores");
        person(j, e.personRef());
        ReferralJourney.Scores scores = new ReferralJourney.Scores(measureId, at, new java.util.TreeMap<>(e.scores()));
        Comparator<ReferralJourney.Scores> order = Comparator.comparing(ReferralJourney.Scores::recordedAt)
                .thenComparing(ReferralJourney.Scores::measureId);
        if ("baseline".equals(timepoint)) {
            ReferralJourney.Wellbeing w = j.wellbeing.computeIfAbsent(instrument, k -> new ReferralJourney.Wellbeing());
            if (w.baseline == null || order.compare(scores, w.baseline) < 0) {
                w.baseline = scores;
            }
        } else if ("follow-up".equals(timepoint)) {
            ReferralJourney.Wellbeing w = j.wellbeing.computeIfAbsent(instrument, k -> new ReferralJourney.Wellbeing());
            if (w.followUp == null || order.compare(scores, w.followUp) > 0) {
                w.followUp = scores;
            }
        }
        // custom timepoints are kept with the measure itself; the KPIs compare baseline with follow-up
    }

    private static void describe(ReferralJourney.Activity a, String serviceId, String provider) {
        if (serviceId != null) {
            a.serviceId = serviceId;
        }
        if (provider != null) {
            a.providerOrganizationId = provider;
        }
    }

    private static void person(ReferralJourney j, String personRef) {
        if (personRef != null && j.personRef == null) {
            j.personRef = personRef;
        }
    }

    private static void practice(ReferralJourney j, String organisation) {
        // the practice from referral-created wins; until it arrives another event's practice stands in
        if (j.receivedAt == null && j.practice == null) {
            j.practice = practiceCode(organisation);
        }
    }

    /**
     * The team the referral is with: the latest event's by its own time, ties broken by the larger id, so
     * duplicates and any order of arrival end in the same team. An event without a team (written before
     * teams were carried, or when no team serves the referral) says nothing about it. match-proposed also
     * carries a team, but copied from the assessment, so it can be older than a move: it is not used.
     */
    private static void team(ReferralJourney j, String teamId, Instant at) {
        if (teamId == null || teamId.isBlank()) {
            return;
        }
        String team = teamId.strip();
        if (j.teamAt == null || at.isAfter(j.teamAt) || at.equals(j.teamAt) && team.compareTo(j.teamId) > 0) {
            j.teamId = team;
            j.teamAt = at;
        }
    }

    /** ODS codes are upper case; stored so, the KPI filter compares with them exactly. */
    public static String practiceCode(String organisation) {
        return organisation == null || organisation.isBlank() ? null : organisation.strip().toUpperCase(Locale.ROOT);
    }

    static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static String max(String a, String b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " is missing");
        }
        return value;
    }
}
