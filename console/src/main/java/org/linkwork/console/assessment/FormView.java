package org.linkwork.console.assessment;

import java.util.ArrayList;
import java.util.List;
import org.linkwork.console.services.Problem;
import org.linkwork.console.web.Form;

/**
 * The assessment form as the template draws it: every control with its id, label, value, whether
 * it is in error and whether it takes the focus (after "Change" on the check-answers page). The
 * first control of each answer has the id the error summary links to ({@code field-<path>}).
 */
public record FormView(Group needs, List<Goal> goals, Group interests, Group deliveryModes, Group days, Group timesOfDay,
        Group setting, Text language, Group healthConditions, Group accessibility, Group digitalAccess, Text postcode, Text maxTravelKm,
        Group publicTransportOnly, Group costSensitive) {

    public record Choice(String value, String text, String hint, String id, boolean checked, boolean focus) {
    }

    /** A group of checkboxes or radios under one legend. */
    public record Group(String field, String name, boolean radios, String anchor, String legend, String hint, List<Choice> choices,
            boolean error) {

        public String hintId() {
            return anchor + "-hint";
        }

        /** What the fieldset is described by: its hint and, when in error, its message. */
        public String describedBy() {
            String ids = hint == null ? "" : hintId();
            return error ? (ids + " " + anchor + "-error").strip() : ids;
        }
    }

    public record Text(String field, String name, String id, String value, boolean focus, boolean error) {

        /** Every text field has a hint; when in error, its message too. */
        public String describedBy() {
            return error ? id + "-hint " + id + "-error" : id + "-hint";
        }
    }

    /**
     * One goal row. {@code textField} and {@code areaField} are the paths the service would name
     * for this row's goal (its index among the goals sent, not the row's), so its errors land here.
     */
    public record Goal(int number, String textField, String textName, String textId, String textValue, boolean textError,
            boolean textFocus, String areaField, String areaName, String areaId, List<Choice> areas, boolean areaError) {

        public String textDescribedBy() {
            return textError ? textId + "-error" : "";
        }

        public String areaDescribedBy() {
            return areaError ? areaId + "-error" : "";
        }
    }

    static String anchor(String field) {
        return new Problem.FieldError(field, null).anchor();
    }

    /** The form for these answers; {@code problem} may be null, {@code change} names the answer to focus (or is null). */
    static FormView of(Form form, Problem problem, String change) {
        String focus = change == null ? "" : change;
        List<Integer> sent = Answers.sentGoalRows(form);
        int rows = Answers.goalRows(form);
        // the error summary's goal links go to the first row in error
        int textAnchorRow = firstGoalRowInError(problem, sent, "text");
        int areaAnchorRow = firstGoalRowInError(problem, sent, "needArea");
        List<Goal> goals = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            int index = sent.indexOf(row);
            String textField = index < 0 ? "goals[unsent].text" : "goals[" + index + "].text";
            String areaField = index < 0 ? "goals[unsent].needArea" : "goals[" + index + "].needArea";
            String textId = row == textAnchorRow ? anchor("goals[0].text") : "goal-" + (row + 1) + "-text";
            String areaId = row == areaAnchorRow ? anchor("goals[0].needArea") : "goal-" + (row + 1) + "-need-area";
            String area = form.value(Answers.goalArea(row));
            List<Choice> areas = new ArrayList<>();
            areas.add(new Choice("", "Select a need area", null, null, area.isEmpty(), false));
            for (String code : Codes.NEEDS) {
                areas.add(new Choice(code, Codes.words(code), null, null, code.equals(area), false));
            }
            goals.add(new Goal(row + 1, textField, Answers.goalText(row), textId, form.value(Answers.goalText(row)), about(problem, textField),
                    row == 0 && focus.equals("goals"), areaField, Answers.goalArea(row), areaId, areas, about(problem, areaField)));
        }
        return new FormView(group(form, problem, focus, Answers.NEEDS, false, "Needs", "Select every area the person wants help with.",
                Codes.NEEDS), goals,
                group(form, problem, focus, Answers.INTERESTS, false, "Interests", "What the person enjoys or would like to try.", Codes.INTERESTS),
                group(form, problem, focus, Answers.DELIVERY_MODES, false, "How they would take part", null, Codes.DELIVERY_MODES),
                group(form, problem, focus, Answers.DAYS, false, "Days they could take part", null, Codes.DAYS),
                group(form, problem, focus, Answers.TIMES_OF_DAY, false, "Times of day", null, Codes.TIMES_OF_DAY),
                group(form, problem, focus, Answers.SETTING, true, "Group or one-to-one", null, Codes.SETTINGS),
                text(form, problem, focus, Answers.LANGUAGE),
                group(form, problem, focus, Answers.HEALTH_CONDITIONS, false, "Health conditions",
                        "Only the broad areas that affect what they can take part in.", Codes.HEALTH_CONDITIONS),
                group(form, problem, focus, Answers.ACCESSIBILITY, false, "Accessibility requirements",
                        "What the person needs from a place or activity to take part.", Codes.ACCESSIBILITY_REQUIREMENTS),
                group(form, problem, focus, Answers.DIGITAL_ACCESS, true, "Digital access", null, Codes.DIGITAL_ACCESS),
                text(form, problem, focus, Answers.POSTCODE), text(form, problem, focus, Answers.MAX_TRAVEL_KM),
                new Group(Answers.PUBLIC_TRANSPORT_ONLY, Answers.PUBLIC_TRANSPORT_ONLY, false, anchor(Answers.PUBLIC_TRANSPORT_ONLY),
                        "Public transport only", null,
                        List.of(new Choice("true", "They can only travel by public transport", null, anchor(Answers.PUBLIC_TRANSPORT_ONLY),
                                form.checked(Answers.PUBLIC_TRANSPORT_ONLY, "true"), focus.equals(Answers.PUBLIC_TRANSPORT_ONLY))),
                        about(problem, Answers.PUBLIC_TRANSPORT_ONLY)),
                new Group(Answers.COST_SENSITIVE, Answers.COST_SENSITIVE, true, anchor(Answers.COST_SENSITIVE), "Is cost a barrier to taking part?",
                        null, choices(form, focus, Answers.COST_SENSITIVE, List.of("yes", "no")), about(problem, Answers.COST_SENSITIVE)));
    }

    private static int firstGoalRowInError(Problem problem, List<Integer> sent, String member) {
        if (problem != null) {
            for (Problem.FieldError e : problem.errors()) {
                if (e.field() != null && e.field().matches("^goals\\[\\d+]\\." + member + "$")) {
                    int index = Integer.parseInt(e.field().substring(6, e.field().indexOf(']')));
                    int row = Answers.rowOfGoal(index, sent);
                    if (row >= 0) {
                        return row;
                    }
                }
            }
        }
        return 0;
    }

    private static Group group(Form form, Problem problem, String focus, String field, boolean radios, String legend, String hint,
            List<String> codes) {
        return new Group(field, field, radios, anchor(field), legend, hint, choices(form, focus, field, codes), about(problem, field));
    }

    private static List<Choice> choices(Form form, String focus, String field, List<String> codes) {
        String anchor = anchor(field);
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            choices.add(new Choice(code, Codes.words(code), Codes.HINTS.get(code), i == 0 ? anchor : anchor + "-" + code, form.checked(field, code),
                    i == 0 && focus.equals(field)));
        }
        return choices;
    }

    private static Text text(Form form, Problem problem, String focus, String field) {
        return new Text(field, field, anchor(field), form.value(field), focus.equals(field), about(problem, field));
    }

    private static boolean about(Problem problem, String field) {
        return problem != null && problem.about(field);
    }
}
