package org.linkwork.outcomes.measures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One person's change on one instrument: the first baseline against the latest follow-up, score by
 * score, each with its meaningful-change verdict.
 */
public record WellbeingChange(String instrument, String baselineId, Instant baselineAt, String followUpId, Instant followUpAt,
        List<ScoreChange> scores) {

    /** @param verdict null when the score has no meaningful-change rule (e.g. SWEMWBS raw) */
    public record ScoreChange(String score, double baseline, double followUp, double change, String verdict) {
    }

    public static final String BASELINE = "baseline";
    public static final String FOLLOW_UP = "follow-up";

    private static final Comparator<RecordedMeasure> ORDER = Comparator.comparing(RecordedMeasure::recordedAt)
            .thenComparing(RecordedMeasure::id);

    /** Empty until the instrument has both a baseline and a follow-up. */
    public static Optional<WellbeingChange> of(Instrument instrument, List<RecordedMeasure> measures) {
        List<RecordedMeasure> mine = measures.stream().filter(m -> m.instrument().equals(instrument.code())).toList();
        Optional<RecordedMeasure> baseline = mine.stream().filter(m -> BASELINE.equals(m.timepoint())).min(ORDER);
        Optional<RecordedMeasure> followUp = mine.stream().filter(m -> FOLLOW_UP.equals(m.timepoint())).max(ORDER);
        if (baseline.isEmpty() || followUp.isEmpty()) {
            return Optional.empty();
        }
        List<ScoreChange> changes = new ArrayList<>();
        for (Map.Entry<String, Double> before : baseline.get().scores().entrySet()) {
            Double after = followUp.get().scores().get(before.getKey());
            if (after == null) {
                continue; // a goal rated only once has no change
            }
            Verdict verdict = MeaningfulChange.of(instrument, before.getKey(), before.getValue(), after);
            changes.add(new ScoreChange(before.getKey(), before.getValue(), after,
                    Math.round((after - before.getValue()) * 100) / 100.0, verdict == null ? null : verdict.code()));
        }
        return Optional.of(new WellbeingChange(instrument.code(), baseline.get().id(), baseline.get().recordedAt(),
                followUp.get().id(), followUp.get().recordedAt(), changes));
    }
}
