package org.linkwork.outcomes.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkwork.platform.problem.Problem;

/** The scorers against the published tables and rules (sources in the module README). */
class InstrumentScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Warwick Medical School's SWEMWBS raw-to-metric conversion table, every row. */
    @ParameterizedTest(name = "raw {0} -> metric {1}")
    @CsvSource({"7,7.00", "8,9.51", "9,11.25", "10,12.40", "11,13.33", "12,14.08", "13,14.75", "14,15.32", "15,15.84",
            "16,16.36", "17,16.88", "18,17.43", "19,17.98", "20,18.59", "21,19.25", "22,19.98", "23,20.73", "24,21.54",
            "25,22.35", "26,23.21", "27,24.11", "28,25.03", "29,26.02", "30,27.03", "31,28.13", "32,29.31", "33,30.70",
            "34,32.55", "35,35.00"})
    void swemwbsRawScoresConvertWithThePublishedTable(int raw, double metric) {
        assertThat(SwemwbsConversion.metric(raw)).isEqualTo(metric);
        // and through the scorer, from answers that add up to that raw score
        Map<String, Integer> answers = new LinkedHashMap<>();
        int left = raw;
        for (int i = 0; i < 7; i++) {
            int answer = Math.min(5, left - (6 - i));
            answers.put(Instrument.SWEMWBS.items().get(i), answer);
            left -= answer;
        }
        assertThat(Instrument.SWEMWBS.score(answers)).containsEntry("raw", (double) raw).containsEntry("metric", metric);
    }

    @Test
    void swemwbsHasNoMetricScoreOutsideSevenToThirtyFive() {
        assertThatThrownBy(() -> SwemwbsConversion.metric(6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SwemwbsConversion.metric(36)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ons4ItemsAreReportedSeparatelyAndNeverSummed() {
        Map<String, Double> scores = Instrument.ONS4.score(Map.of("life-satisfaction", 7, "worthwhile", 8, "happiness", 6, "anxiety", 3));
        assertThat(scores).containsExactly(Map.entry("life-satisfaction", 7.0), Map.entry("worthwhile", 8.0),
                Map.entry("happiness", 6.0), Map.entry("anxiety", 3.0));
    }

    @ParameterizedTest(name = "UCLA-3 {0},{1},{2} -> total {3}, lonely {4}")
    @CsvSource({"1,1,1,3,0", "2,2,1,5,0", "2,2,2,6,1", "3,2,1,6,1", "3,3,3,9,1"})
    void ucla3TotalsThreeToNineAndSixOrMoreIsLonely(int a, int b, int c, double total, double lonely) {
        assertThat(Instrument.UCLA3.score(Map.of("lack-companionship", a, "left-out", b, "isolated", c)))
                .containsExactly(Map.entry("total", total), Map.entry("lonely", lonely));
    }

    @Test
    void goalsAreRatedEachWithTheirMean() {
        assertThat(Instrument.GOALS.score(Map.of("goal-1", 3, "goal-3", 8)))
                .containsExactly(Map.entry("goal-1", 3.0), Map.entry("goal-3", 8.0), Map.entry("mean", 5.5));
        assertThat(Instrument.GOALS.score(Map.of("goal-1", 1, "goal-2", 2, "goal-3", 2)).get("mean")).isCloseTo(1.67, within(1e-9));
    }

    // ---- the answer check

    private static AnswerCheck.Result check(Instrument instrument, String answers) throws Exception {
        JsonNode node = JSON.readTree(answers);
        return AnswerCheck.check(instrument, node);
    }

    @Test
    void completeInRangeAnswersPass() throws Exception {
        assertThat(check(Instrument.UCLA3, "{\"lack-companionship\":1,\"left-out\":3,\"isolated\":2}").valid()).isTrue();
        assertThat(check(Instrument.ONS4, "{\"life-satisfaction\":0,\"worthwhile\":10,\"happiness\":5,\"anxiety\":0}").valid()).isTrue();
    }

    @Test
    void anInstrumentWithoutAProratingRuleRefusesAMissingItemAndNamesIt() throws Exception {
        AnswerCheck.Result swemwbs = check(Instrument.SWEMWBS,
                "{\"optimistic\":3,\"useful\":3,\"relaxed\":null,\"dealing-with-problems\":3,\"thinking-clearly\":3,\"close-to-others\":3}");
        assertThat(swemwbs.errors()).extracting(Problem.FieldError::field).containsExactly("answers.relaxed", "answers.own-mind");
        assertThat(swemwbs.errors().get(0).message()).contains("no rule for scoring incomplete answers");
        assertThat(check(Instrument.ONS4, "{\"life-satisfaction\":5,\"worthwhile\":5,\"happiness\":5}").errors())
                .extracting(Problem.FieldError::field).containsExactly("answers.anxiety");
        assertThat(check(Instrument.UCLA3, "{}").errors()).hasSize(3);
    }

    @Test
    void outOfRangeNonWholeAndUnknownItemsAreNamed() throws Exception {
        AnswerCheck.Result result = check(Instrument.UCLA3,
                "{\"lack-companionship\":0,\"left-out\":2.5,\"isolated\":\"2\",\"lonely\":1}");
        assertThat(result.errors()).extracting(Problem.FieldError::field)
                .containsExactlyInAnyOrder("answers.lonely", "answers.lack-companionship", "answers.left-out", "answers.isolated");
        assertThat(check(Instrument.ONS4, "{\"life-satisfaction\":11,\"worthwhile\":-1,\"happiness\":5,\"anxiety\":5}").errors())
                .extracting(Problem.FieldError::message).containsOnly("must be a whole number from 0 to 10");
        assertThat(check(Instrument.GOALS, "{\"goal-1\":0}").errors()).extracting(Problem.FieldError::field).containsExactly("answers.goal-1");
    }

    @Test
    void goalsNeedAtLeastOneRatingButNotAllFive() throws Exception {
        assertThat(check(Instrument.GOALS, "{\"goal-2\":10}").valid()).isTrue();
        assertThat(check(Instrument.GOALS, "{}").errors()).extracting(Problem.FieldError::field).containsExactly("answers");
        assertThat(check(Instrument.GOALS, "[1,2]").errors()).extracting(Problem.FieldError::field).containsExactly("answers");
        assertThat(AnswerCheck.check(Instrument.GOALS, null).errors()).extracting(Problem.FieldError::field).containsExactly("answers");
    }
}
