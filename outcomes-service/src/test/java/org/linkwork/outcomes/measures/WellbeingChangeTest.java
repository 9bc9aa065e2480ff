package org.linkwork.outcomes.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WellbeingChangeTest {

    private static RecordedMeasure measure(String id, String instrument, String timepoint, String at, Map<String, Double> scores) {
        return new RecordedMeasure(id, "r", instrument, timepoint, Map.of(), scores, "lw", Instant.parse(at));
    }

    @Test
    void swemwbsChangeIsMeaningfulFromTwoPointEightSevenMetricPoints() {
        assertThat(MeaningfulChange.of(Instrument.SWEMWBS, "metric", 19.25, 22.35)).isEqualTo(Verdict.IMPROVED);   // +3.10
        assertThat(MeaningfulChange.of(Instrument.SWEMWBS, "metric", 19.25, 21.54)).isEqualTo(Verdict.NO_MEANINGFUL_CHANGE); // +2.29
        assertThat(MeaningfulChange.of(Instrument.SWEMWBS, "metric", 23.21, 20.73)).isEqualTo(Verdict.NO_MEANINGFUL_CHANGE); // -2.48
        assertThat(MeaningfulChange.of(Instrument.SWEMWBS, "metric", 23.21, 19.98)).isEqualTo(Verdict.WORSENED);    // -3.23
        assertThat(MeaningfulChange.of(Instrument.SWEMWBS, "raw", 20, 30)).isNull();
    }

    @Test
    void ons4ChangeIsAMoveBetweenTheOnsThresholdBands() {
        assertThat(MeaningfulChange.of(Instrument.ONS4, "life-satisfaction", 4, 5)).isEqualTo(Verdict.IMPROVED);  // low -> medium
        assertThat(MeaningfulChange.of(Instrument.ONS4, "life-satisfaction", 5, 6)).isEqualTo(Verdict.NO_MEANINGFUL_CHANGE);
        assertThat(MeaningfulChange.of(Instrument.ONS4, "happiness", 9, 8)).isEqualTo(Verdict.WORSENED);
        // anxiety: lower is better; 6 is high, 5 medium
        assertThat(MeaningfulChange.of(Instrument.ONS4, "anxiety", 6, 5)).isEqualTo(Verdict.IMPROVED);
        assertThat(MeaningfulChange.of(Instrument.ONS4, "anxiety", 1, 2)).isEqualTo(Verdict.WORSENED);
        assertThat(MeaningfulChange.of(Instrument.ONS4, "anxiety", 10, 6)).isEqualTo(Verdict.NO_MEANINGFUL_CHANGE);
        assertThat(Ons4Bands.label("anxiety", 0)).isEqualTo("very-low");
        assertThat(Ons4Bands.label("worthwhile", 7)).isEqualTo("high");
    }

    @Test
    void ucla3ChangeIsCrossingTheLonelyCutOff() {
        assertThat(MeaningfulChange.of(Instrument.UCLA3, "total", 6, 5)).isEqualTo(Verdict.IMPROVED);
        assertThat(MeaningfulChange.of(Instrument.UCLA3, "total", 9, 6)).isEqualTo(Verdict.NO_MEANINGFUL_CHANGE);
        assertThat(MeaningfulChange.of(Instrument.UCLA3, "total", 3, 6)).isEqualTo(Verdict.WORSENED);
    }

    @Test
    void goalsNeedAChangeOfTheReliableChangeIndex() {
        assertThat(MeaningfulChange.of(Instrument.GOALS, "goal-1", 3, 6)).isEqualTo(Verdict.IMPROVED);
        assertThat(MeaningfulChange.of(Instrument.GOALS, "goal-1", 3, 5)).isEqualTo(Verdict.NO_MEANINGFUL_CHANGE);
        assertThat(MeaningfulChange.of(Instrument.GOALS, "mean", 7.5, 5.0)).isEqualTo(Verdict.WORSENED);
    }

    @Test
    void theFirstBaselineIsComparedWithTheLatestFollowUp() {
        List<RecordedMeasure> measures = List.of(
                measure("b2", "swemwbs", "baseline", "2025-02-01T10:00:00Z", Map.of("raw", 25.0, "metric", 22.35)),
                measure("b1", "swemwbs", "baseline", "2025-01-01T10:00:00Z", Map.of("raw", 20.0, "metric", 18.59)),
                measure("f2", "swemwbs", "follow-up", "2025-06-01T10:00:00Z", Map.of("raw", 27.0, "metric", 24.11)),
                measure("f1", "swemwbs", "follow-up", "2025-04-01T10:00:00Z", Map.of("raw", 21.0, "metric", 19.25)),
                measure("c1", "swemwbs", "3-months", "2025-03-01T10:00:00Z", Map.of("raw", 35.0, "metric", 35.0)),
                measure("u1", "ucla3", "baseline", "2025-01-01T10:00:00Z", Map.of("total", 7.0, "lonely", 1.0)));
        WellbeingChange change = WellbeingChange.of(Instrument.SWEMWBS, measures).orElseThrow();
        assertThat(change.baselineId()).isEqualTo("b1");
        assertThat(change.followUpId()).isEqualTo("f2");
        assertThat(change.scores()).containsExactlyInAnyOrder(
                new WellbeingChange.ScoreChange("raw", 20.0, 27.0, 7.0, null),
                new WellbeingChange.ScoreChange("metric", 18.59, 24.11, 5.52, "improved"));
        // no follow-up yet: no change
        assertThat(WellbeingChange.of(Instrument.UCLA3, measures)).isEmpty();
    }
}
