package org.linkwork.outcomes.measures;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers to one instrument for one referral at one timepoint.
 *
 * @param timepoint {@code baseline}, {@code follow-up} or a custom label (lower-case letters, digits, '-')
 * @param answers item code to answer, e.g. {@code {"optimistic": 3, ...}}
 */
public record MeasureRequest(String referralId, String instrument, String timepoint, JsonNode answers) {
}
