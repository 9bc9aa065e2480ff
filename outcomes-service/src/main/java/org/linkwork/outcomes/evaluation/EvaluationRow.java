package org.linkwork.outcomes.evaluation;

import java.time.Instant;
import java.util.Map;

/**
 * One referral for researchers: pseudonymous (a personRef, never a name or NHS number), with coded
 * bands, the times of each step and the baseline and follow-up scores ({@code swemwbs.metric.baseline}…).
 */
public record EvaluationRow(String personRef, String referralId, String source, String practice, String postcodeDistrict,
        String ageBand, String sex, String ethnicityGroup, Integer deprivationDecile, String needs, String status,
        String exitReason, Instant receivedAt, Instant firstContactAt, Instant assessedAt, Instant firstProposedAt,
        Instant activityStartedAt, Instant activityCompletedAt, Integer sessionsAttended, Map<String, Double> scores) {
}
