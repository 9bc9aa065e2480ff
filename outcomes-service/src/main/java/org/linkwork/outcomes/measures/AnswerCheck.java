package org.linkwork.outcomes.measures;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkwork.platform.problem.Problem;

/**
 * Checks a questionnaire's answers against its instrument: every answer a whole number in the item's
 * range, no unknown items, and the instrument's missing-item rule. Each problem names its item as
 * {@code answers.<item>}.
 */
public final class AnswerCheck {

    private AnswerCheck() {
    }

    public record Result(Map<String, Integer> answers, List<Problem.FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Result check(Instrument instrument, JsonNode answers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Integer> values = new LinkedHashMap<>();
        if (answers == null || answers.isNull()) {
            errors.add(new Problem.FieldError("answers", "must not be null"));
            return new Result(values, errors);
        }
        if (!answers.isObject()) {
            errors.add(new Problem.FieldError("answers", "must be an object of item codes to answers"));
            return new Result(values, errors);
        }
        String range = "must be a whole number from " + instrument.min() + " to " + instrument.max();
        answers.fieldNames().forEachRemaining(item -> {
            if (!instrument.items().contains(item)) {
                errors.add(new Problem.FieldError("answers." + item, "is not an item of " + instrument.code()
                        + "; items are " + String.join(", ", instrument.items())));
            }
        });
        for (String item : instrument.items()) {
            JsonNode answer = answers.get(item);
            if (answer == null || answer.isNull()) {
                if (instrument.missingItems() == Instrument.MissingItems.REFUSE) {
                    errors.add(new Problem.FieldError("answers." + item,
                            "is missing; " + instrument.code() + " has no rule for scoring incomplete answers"));
                }
                continue;
            }
            if (!answer.isIntegralNumber() || !answer.canConvertToInt()
                    || answer.intValue() < instrument.min() || answer.intValue() > instrument.max()) {
                errors.add(new Problem.FieldError("answers." + item, range));
                continue;
            }
            values.put(item, answer.intValue());
        }
        if (instrument.missingItems() == Instrument.MissingItems.ANSWERED_ONLY && values.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("answers", "must rate at least one of " + String.join(", ", instrument.items())));
        }
        return new Result(values, errors);
    }
}
