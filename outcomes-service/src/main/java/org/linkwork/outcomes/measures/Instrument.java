package org.linkwork.outcomes.measures;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated wellbeing instruments a link worker records, each as data (its items, their range,
 * its rule for missing items) plus a scorer. Sources and rules are cited in the module README.
 */
public enum Instrument {

    /**
     * ONS personal wellbeing (ONS4): four questions answered 0–10, reported separately and never
     * summed (ONS, Personal well-being user guidance).
     */
    ONS4("ons4", 0, 10, List.of("life-satisfaction", "worthwhile", "happiness", "anxiety"), MissingItems.REFUSE) {
        @Override
        Map<String, Double> score(Map<String, Integer> answers) {
            Map<String, Double> scores = new LinkedHashMap<>();
            items().forEach(item -> scores.put(item, answers.get(item).doubleValue()));
            return scores;
        }
    },

    /**
     * Short Warwick-Edinburgh Mental Wellbeing Scale: seven items 1–5, raw sum 7–35, converted to
     * the Rasch metric score with the published conversion table ({@link SwemwbsConversion}).
     */
    SWEMWBS("swemwbs", 1, 5, List.of("optimistic", "useful", "relaxed", "dealing-with-problems", "thinking-clearly",
            "close-to-others", "own-mind"), MissingItems.REFUSE) {
        @Override
        Map<String, Double> score(Map<String, Integer> answers) {
            int raw = items().stream().mapToInt(answers::get).sum();
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("raw", (double) raw);
            scores.put("metric", SwemwbsConversion.metric(raw));
            return scores;
        }
    },

    /**
     * Three-item UCLA loneliness scale (Hughes et al. 2004): items 1 (hardly ever) to 3 (often),
     * total 3–9; 6 and above is reported as lonely.
     */
    UCLA3("ucla3", 1, 3, List.of("lack-companionship", "left-out", "isolated"), MissingItems.REFUSE) {
        @Override
        Map<String, Double> score(Map<String, Integer> answers) {
            int total = items().stream().mapToInt(answers::get).sum();
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("total", (double) total);
            scores.put("lonely", total >= LONELY_FROM ? 1.0 : 0.0);
            return scores;
        }
    },

    /**
     * Personal goals in the person's own words (kept by referral-service), each rated 1–10 for how
     * close the person feels to it. One to five goals; the answered ones are scored, with their mean.
     */
    GOALS("goals", 1, 10, List.of("goal-1", "goal-2", "goal-3", "goal-4", "goal-5"), MissingItems.ANSWERED_ONLY) {
        @Override
        Map<String, Double> score(Map<String, Integer> answers) {
            Map<String, Double> scores = new LinkedHashMap<>();
            items().stream().filter(answers::containsKey).forEach(item -> scores.put(item, answers.get(item).doubleValue()));
            scores.put("mean", Math.round(scores.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow() * 100) / 100.0);
            return scores;
        }
    };

    /** UCLA-3 totals from this value up are reported as lonely. */
    public static final int LONELY_FROM = 6;

    /** What an instrument allows when items are unanswered. */
    public enum MissingItems {
        /** No published prorating rule: every item must be answered. */
        REFUSE,
        /** Each item is its own measure (goals the person did not set are simply absent); at least one. */
        ANSWERED_ONLY
    }

    private final String code;
    private final int min;
    private final int max;
    private final List<String> items;
    private final MissingItems missingItems;

    Instrument(String code, int min, int max, List<String> items, MissingItems missingItems) {
        this.code = code;
        this.min = min;
        this.max = max;
        this.items = items;
        this.missingItems = missingItems;
    }

    /** The scores of complete, in-range answers (checked by {@link AnswerCheck}). */
    abstract Map<String, Double> score(Map<String, Integer> answers);

    public String code() {
        return code;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public List<String> items() {
        return items;
    }

    public MissingItems missingItems() {
        return missingItems;
    }

    public static Optional<Instrument> fromCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
