package org.linkwork.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic of the platform: its name, the CloudEvents type of its records, the payload
 * record, the JSON Schema that is the contract for outside consumers, and whether it is
 * analytics-safe (free of personal identifiers).
 */
public enum Topic {
    REFERRAL_CREATED("referral-created", "linkwork.referral.created.v1", ReferralCreated.class, true),
    REFERRAL_STATUS_CHANGED("referral-status-changed", "linkwork.referral.status-changed.v1", ReferralStatusChanged.class, true),
    REFERRAL_ASSIGNED("referral-assigned", "linkwork.referral.assigned.v1", ReferralAssigned.class, true),
    REFERRAL_OVERDUE("referral-overdue", "linkwork.referral.overdue.v1", ReferralOverdue.class, true),
    TEAM_CHANGED("team-changed", "linkwork.team.changed.v1", TeamChanged.class, true),
    REFERRAL_ASSESSED("referral-assessed", "linkwork.referral.assessed.v1", ReferralAssessed.class, true),
    ACTIVITY_REFERRAL_UPDATED("activity-referral-updated", "linkwork.activity-referral.updated.v1", ActivityReferralUpdated.class, true),
    ACTIVITY_COMPLETED("activity-completed", "linkwork.activity-referral.completed.v1", ActivityCompleted.class, true),
    PERSON_CONTACT_CHANGED("person-contact-changed", "linkwork.person.contact-changed.v1", PersonContactChanged.class, false),
    MATCH_PROPOSED("match-proposed", "linkwork.match.proposed.v1", MatchProposed.class, true),
    MATCH_FEEDBACK("match-feedback", "linkwork.match.feedback.v1", MatchFeedback.class, true),
    DIRECTORY_SERVICE_CHANGED("directory-service-changed", "linkwork.directory.service-changed.v1", DirectoryServiceChanged.class, true),
    DIRECTORY_REVIEW_DUE("directory-review-due", "linkwork.directory.review-due.v1", DirectoryReviewDue.class, true),
    OUTCOME_RECORDED("outcome-recorded", "linkwork.outcome.recorded.v1", OutcomeRecorded.class, true),
    NOTIFICATION_DELIVERED("notification-delivered", "linkwork.notification.delivered.v1", NotificationDelivered.class, true),
    NOTIFICATION_FAILED("notification-failed", "linkwork.notification.failed.v1", NotificationFailed.class, true);

    private final String topicName;
    private final String eventType;
    private final Class<? extends LinkworkEvent> payloadType;
    private final boolean analyticsSafe;

    Topic(String topicName, String eventType, Class<? extends LinkworkEvent> payloadType, boolean analyticsSafe) {
        this.topicName = topicName;
        this.eventType = eventType;
        this.payloadType = payloadType;
        this.analyticsSafe = analyticsSafe;
    }

    public String topicName() {
        return topicName;
    }

    /** The CloudEvents {@code ce_type}. */
    public String eventType() {
        return eventType;
    }

    public Class<? extends LinkworkEvent> payloadType() {
        return payloadType;
    }

    public boolean analyticsSafe() {
        return analyticsSafe;
    }

    /** Classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + topicName + ".schema.json";
    }

    public static Optional<Topic> forPayload(Class<?> type) {
        return Arrays.stream(values()).filter(t -> t.payloadType == type).findFirst();
    }
}
