package org.linkwork.outcomes.measures;

import java.time.Instant;
import java.util.Map;

/** A stored measure: its answers (only ever shown to the referral's link workers) and scores. */
public record RecordedMeasure(String id, String referralId, String instrument, String timepoint, Map<String, Integer> answers,
        Map<String, Double> scores, String recordedBy, Instant recordedAt) {
}
