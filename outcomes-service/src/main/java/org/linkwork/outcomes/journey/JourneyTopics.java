package org.linkwork.outcomes.journey;

import java.util.List;
import java.util.Optional;
import org.linkwork.events.Topic;

/** The topics the KPI projections are built from, and nothing else. */
public final class JourneyTopics {

    public static final List<Topic> CONSUMED = List.of(
            Topic.REFERRAL_CREATED, Topic.REFERRAL_STATUS_CHANGED, Topic.REFERRAL_ASSIGNED, Topic.REFERRAL_OVERDUE,
            Topic.REFERRAL_ASSESSED, Topic.ACTIVITY_REFERRAL_UPDATED, Topic.ACTIVITY_COMPLETED, Topic.MATCH_PROPOSED,
            Topic.MATCH_FEEDBACK, Topic.OUTCOME_RECORDED);

    private JourneyTopics() {
    }

    public static Optional<Topic> byName(String name) {
        return CONSUMED.stream().filter(t -> t.topicName().equals(name)).findFirst();
    }
}
