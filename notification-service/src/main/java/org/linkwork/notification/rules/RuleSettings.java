package org.linkwork.notification.rules;

import java.time.Duration;
import java.util.Set;

/**
 * The tunable parts of the rules (configuration {@code linkwork.notification.*}).
 *
 * @param referrerStatuses the referral statuses a referrer is told about
 * @param reminderBefore how long before a session the person is reminded
 * @param followUpAfter how long after an activity the person is asked to fill in the follow-up questionnaire
 */
public record RuleSettings(Set<String> referrerStatuses, Duration reminderBefore, Duration followUpAfter) {

    /** The documented defaults, as in application.properties. */
    public static RuleSettings defaults() {
        return new RuleSettings(Set.of("accepted", "contacted", "in-activity", "closed", "declined", "rejected",
                "unable-to-contact", "withdrawn"), Duration.ofDays(1), Duration.ofDays(42));
    }
}
