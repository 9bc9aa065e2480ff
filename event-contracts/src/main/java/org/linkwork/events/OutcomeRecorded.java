package org.linkwork.events;

import java.time.Instant;
import java.util.Map;

/**
 * A wellbeing measure was recorded: scores only, never the answers' free text.
 *
 * @param instrument {@code ons4}, {@code swemwbs}, {@code ucla3} or {@code goals}
 * @param timepoint {@code baseline}, {@code follow-up} or a custom label
 */
public record OutcomeRecorded(
        String measureId,
        String referralId,
        String personRef,
        String instrument,
        String timepoint,
        Map<String, Double> scores,
        Instant recordedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
