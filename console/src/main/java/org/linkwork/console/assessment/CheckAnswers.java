package org.linkwork.console.assessment;

import java.util.ArrayList;
import java.util.List;
import org.linkwork.console.web.Form;

/**
 * The check-answers page: one summary row per answer with a "Change" that names what it changes,
 * and every answer carried forward in hidden inputs (answers never go in a URL).
 */
public record CheckAnswers(List<Row> rows, List<Hidden> hidden) {

    static final String NOT_PROVIDED = "Not provided";

    /**
     * @param change the answer "Change" returns to (the form focuses its first control)
     * @param hiddenText what a screen reader hears after "Change"
     */
    public record Row(String key, List<String> lines, String change, String hiddenText) {

        public boolean provided() {
            return !lines.isEmpty();
        }

        public boolean single() {
            return lines.size() == 1;
        }

        public String first() {
            return lines.isEmpty() ? NOT_PROVIDED : lines.get(0);
        }
    }

    public record Hidden(String name, String value) {
    }

    static CheckAnswers of(Form form) {
        List<Row> rows = new ArrayList<>();
        rows.add(codes("Needs", form, Answers.NEEDS, "needs"));
        List<String> goals = new ArrayList<>();
        for (int row : Answers.sentGoalRows(form)) {
            String text = form.value(Answers.goalText(row));
            String area = Codes.words(form.value(Answers.goalArea(row)));
            goals.add((text.isEmpty() ? NOT_PROVIDED : "“" + text + "”") + " (" + (area.isEmpty() ? "no need area" : area) + ")");
        }
        rows.add(new Row("Goals in the person's words", goals, "goals", "goals"));
        rows.add(codes("Interests", form, Answers.INTERESTS, "interests"));
        rows.add(codes("How they would take part", form, Answers.DELIVERY_MODES, "how they would take part"));
        rows.add(codes("Days", form, Answers.DAYS, "days"));
        rows.add(codes("Times of day", form, Answers.TIMES_OF_DAY, "times of day"));
        rows.add(one("Group or one-to-one", Codes.words(form.value(Answers.SETTING)), Answers.SETTING, "group or one-to-one"));
        rows.add(one("Language", Codes.language(form.value(Answers.LANGUAGE)), Answers.LANGUAGE, "language"));
        rows.add(codes("Health conditions", form, Answers.HEALTH_CONDITIONS, "health conditions"));
        rows.add(codes("Accessibility requirements", form, Answers.ACCESSIBILITY, "accessibility requirements"));
        rows.add(one("Digital access", Codes.words(form.value(Answers.DIGITAL_ACCESS)), Answers.DIGITAL_ACCESS, "digital access"));
        rows.add(one("Postcode", form.value(Answers.POSTCODE), Answers.POSTCODE, "postcode"));
        String km = form.value(Answers.MAX_TRAVEL_KM);
        Double parsed = km.isEmpty() ? null : Answers.kilometres(km);
        rows.add(one("Furthest they can travel", parsed == null ? km : Answers.number(parsed) + " km", Answers.MAX_TRAVEL_KM,
                "furthest they can travel"));
        // a checkbox is always answered: not ticked is "No"
        rows.add(one("Public transport only", form.checked(Answers.PUBLIC_TRANSPORT_ONLY, "true") ? "Yes" : "No", Answers.PUBLIC_TRANSPORT_ONLY,
                "public transport only"));
        String cost = form.value(Answers.COST_SENSITIVE);
        rows.add(one("Cost a barrier", cost.equals("yes") ? "Yes" : cost.equals("no") ? "No" : "", Answers.COST_SENSITIVE,
                "whether cost is a barrier"));
        return new CheckAnswers(List.copyOf(rows), hidden(form));
    }

    /** Every answer as hidden inputs, named as the form names them; nothing else the request carried. */
    static List<Hidden> hidden(Form form) {
        List<Hidden> hidden = new ArrayList<>();
        for (String name : Answers.MULTIPLE) {
            for (String value : form.all(name)) {
                hidden.add(new Hidden(name, value));
            }
        }
        for (int row = 0; row < Answers.MAX_GOALS; row++) {
            for (String name : List.of(Answers.goalText(row), Answers.goalArea(row))) {
                String value = form.value(name);
                if (!value.isEmpty()) {
                    hidden.add(new Hidden(name, value));
                }
            }
        }
        for (String name : Answers.SINGLE) {
            String value = form.value(name);
            if (!value.isEmpty()) {
                hidden.add(new Hidden(name, value));
            }
        }
        return List.copyOf(hidden);
    }

    private static Row codes(String key, Form form, String field, String hiddenText) {
        return new Row(key, form.all(field).stream().map(Codes::words).toList(), field, hiddenText);
    }

    private static Row one(String key, String value, String field, String hiddenText) {
        return new Row(key, value == null || value.isEmpty() ? List.of() : List.of(value), field, hiddenText);
    }
}
