package org.linkwork.outcomes.journey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the KPIs need to know about one referral, folded from the lifecycle topics. Only
 * pseudonymous, coded facts: the person is a {@code personRef}, the place a postcode district, the
 * age a band.
 *
 * <p>Every fold ({@link JourneyFold}) is a join: the earliest time of a first, the latest status by
 * its own time, the largest attendance. So applying an event twice, or events in any order, ends in
 * the same journey, which is what lets the projection rebuild from offset zero to the same numbers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReferralJourney {

    public String referralId;
    public String personRef;

    // from referral-created (null until it arrives)
    public String source;
    public String practice;
    public String needs;
    public String postcodeDistrict;
    public String ageBand;
    public String sex;
    public String ethnicityGroup;
    public Integer deprivationDecile;
    public Instant receivedAt;

    /** The status set by the latest status change; "received" from referral-created until one comes. */
    public String status;
    public Instant statusAt;
    /** The coded reason of the change that set {@link #status}. */
    public String statusReason;
    /** When each status was first entered. */
    public Map<String, Instant> entered = new TreeMap<>();

    /**
     * The link-worker team the referral is with now: the team of the latest event (by its own time) that
     * names one, ties broken by the larger team id. Null while no event has named a team (events written
     * before teams were carried): then only admins reach the referral.
     */
    public String teamId;
    /** The time of the event that set {@link #teamId}. */
    public Instant teamAt;

    public Instant firstAssignedAt;
    public Instant overdueAt;
    public Instant assessedAt;
    public Instant firstProposedAt;

    /** Activity referrals by their id. */
    public Map<String, Activity> activities = new TreeMap<>();
    /** The link worker's latest verdict on each proposed service, by service id. */
    public Map<String, Decision> decisions = new TreeMap<>();
    /** Baseline and follow-up scores by instrument code. */
    public Map<String, Wellbeing> wellbeing = new TreeMap<>();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Activity {
        public String serviceId;
        public String providerOrganizationId;
        public String activityType;
        public String status;
        public Instant statusAt;
        public String statusReason;
        public Instant requestedAt;
        public Instant startedAt;
        public Instant completedAt;
        public int sessionsAttended;

        @Override
        public boolean equals(Object o) {
            return o instanceof Activity a && Objects.equals(serviceId, a.serviceId)
                    && Objects.equals(providerOrganizationId, a.providerOrganizationId)
                    && Objects.equals(activityType, a.activityType) && Objects.equals(status, a.status)
                    && Objects.equals(statusAt, a.statusAt) && Objects.equals(statusReason, a.statusReason)
                    && Objects.equals(requestedAt, a.requestedAt) && Objects.equals(startedAt, a.startedAt)
                    && Objects.equals(completedAt, a.completedAt) && sessionsAttended == a.sessionsAttended;
        }

        @Override
        public int hashCode() {
            return Objects.hash(serviceId, status, statusAt);
        }
    }

    /** {@code chosen} or {@code not-suitable}, with its coded reason. */
    public record Decision(String decision, String reasonCode, Integer rank, Instant recordedAt) {
    }

    /** One timepoint's scores. */
    public record Scores(String measureId, Instant recordedAt, Map<String, Double> scores) {
    }

    /** The first baseline and the latest follow-up of one instrument. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Wellbeing {
        public Scores baseline;
        public Scores followUp;

        @Override
        public boolean equals(Object o) {
            return o instanceof Wellbeing w && Objects.equals(baseline, w.baseline) && Objects.equals(followUp, w.followUp);
        }

        @Override
        public int hashCode() {
            return Objects.hash(baseline, followUp);
        }
    }

    /** Provider organisations this referral's activities went to, for filtering. */
    public TreeSet<String> providers() {
        TreeSet<String> providers = new TreeSet<>();
        activities.values().forEach(a -> {
            if (a.providerOrganizationId != null) {
                providers.add(a.providerOrganizationId);
            }
        });
        return providers;
    }

    public TreeSet<String> activityTypes() {
        TreeSet<String> types = new TreeSet<>();
        activities.values().forEach(a -> {
            if (a.activityType != null) {
                types.add(a.activityType);
            }
        });
        return types;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferralJourney j && Objects.equals(referralId, j.referralId) && Objects.equals(personRef, j.personRef)
                && Objects.equals(source, j.source) && Objects.equals(practice, j.practice) && Objects.equals(needs, j.needs)
                && Objects.equals(postcodeDistrict, j.postcodeDistrict) && Objects.equals(ageBand, j.ageBand)
                && Objects.equals(sex, j.sex) && Objects.equals(ethnicityGroup, j.ethnicityGroup)
                && Objects.equals(deprivationDecile, j.deprivationDecile) && Objects.equals(receivedAt, j.receivedAt)
                && Objects.equals(status, j.status) && Objects.equals(statusAt, j.statusAt)
                && Objects.equals(statusReason, j.statusReason) && Objects.equals(entered, j.entered)
                && Objects.equals(teamId, j.teamId) && Objects.equals(teamAt, j.teamAt)
                && Objects.equals(firstAssignedAt, j.firstAssignedAt) && Objects.equals(overdueAt, j.overdueAt)
                && Objects.equals(assessedAt, j.assessedAt) && Objects.equals(firstProposedAt, j.firstProposedAt)
                && Objects.equals(activities, j.activities) && Objects.equals(decisions, j.decisions)
                && Objects.equals(wellbeing, j.wellbeing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(referralId, status, statusAt);
    }
}
