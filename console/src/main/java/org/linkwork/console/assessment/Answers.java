package org.linkwork.console.assessment;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linkwork.console.services.Problem;
import org.linkwork.console.web.Form;

/**
 * The assessment's answers as the form names them, and the three ways they travel: from a recorded
 * assessment (or the referral) into the form, from the form to referral-service's JSON body, and
 * back as the service's field errors put in the link worker's words. Form fields are named by the
 * JSON path they fill ({@code goals[0].text}, {@code travel.postcode}), so an error names its field.
 */
final class Answers {

    static final String NEEDS = "needs";
    static final String INTERESTS = "interests";
    static final String DELIVERY_MODES = "preferences.deliveryModes";
    static final String DAYS = "preferences.days";
    static final String TIMES_OF_DAY = "preferences.timesOfDay";
    static final String SETTING = "preferences.setting";
    static final String LANGUAGE = "preferences.language";
    static final String HEALTH_CONDITIONS = "healthConditions";
    static final String ACCESSIBILITY = "accessibilityRequirements";
    static final String DIGITAL_ACCESS = "digitalAccess";
    static final String POSTCODE = "travel.postcode";
    static final String MAX_TRAVEL_KM = "travel.maxTravelKm";
    static final String PUBLIC_TRANSPORT_ONLY = "travel.publicTransportOnly";
    static final String COST_SENSITIVE = "costSensitive";
    /** Carried from page to page so that the heading still says "Reassessment"; it changes nothing sent. */
    static final String REASSESSMENT = "reassessment";

    /** Goal rows the form offers; more only when an earlier assessment (sent by another system) had more. */
    static final int GOAL_ROWS = 5;
    /** As many goals as the service takes. */
    static final int MAX_GOALS = 10;

    static final List<String> MULTIPLE = List.of(NEEDS, INTERESTS, DELIVERY_MODES, DAYS, TIMES_OF_DAY, HEALTH_CONDITIONS, ACCESSIBILITY);
    static final List<String> SINGLE = List.of(SETTING, LANGUAGE, DIGITAL_ACCESS, POSTCODE, MAX_TRAVEL_KM, PUBLIC_TRANSPORT_ONLY,
            COST_SENSITIVE, REASSESSMENT);

    private static final Pattern GOAL_FIELD = Pattern.compile("^goals\\[(\\d+)]\\.(text|needArea)$");
    private static final Pattern KM = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s*(?:km|kilometres?)?$", Pattern.CASE_INSENSITIVE);

    private Answers() {
    }

    static String goalText(int row) {
        return "goals[" + row + "].text";
    }

    static String goalArea(int row) {
        return "goals[" + row + "].needArea";
    }

    /** The goal rows the form shows: at least five, more when the answers already hold more. */
    static int goalRows(Form form) {
        int rows = GOAL_ROWS;
        for (int row = GOAL_ROWS; row < MAX_GOALS; row++) {
            if (!form.value(goalText(row)).isEmpty() || !form.value(goalArea(row)).isEmpty()) {
                rows = row + 1;
            }
        }
        return rows;
    }

    /** The form rows that become goals, in the order they are sent: rows left wholly empty are not goals. */
    static List<Integer> sentGoalRows(Form form) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < MAX_GOALS; row++) {
            if (!form.value(goalText(row)).isEmpty() || !form.value(goalArea(row)).isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    // ---- form → the service's body

    /**
     * The body of {@code POST /referrals/{id}/assessment}. Unanswered questions are left out (the
     * service reads a missing list as none and a missing answer as not said); travel is always
     * there, since the service requires it and names its postcode when it is missing.
     */
    static Map<String, Object> body(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needs", form.all(NEEDS));
        List<Map<String, Object>> goals = new ArrayList<>();
        for (int row : sentGoalRows(form)) {
            Map<String, Object> goal = new LinkedHashMap<>();
            putIfPresent(goal, "text", form.optional(goalText(row)));
            putIfPresent(goal, "needArea", form.optional(goalArea(row)));
            goals.add(goal);
        }
        if (!goals.isEmpty()) {
            body.put("goals", goals);
        }
        putIfAny(body, "interests", form.all(INTERESTS));

        Map<String, Object> preferences = new LinkedHashMap<>();
        putIfAny(preferences, "deliveryModes", form.all(DELIVERY_MODES));
        putIfAny(preferences, "days", form.all(DAYS));
        putIfAny(preferences, "timesOfDay", form.all(TIMES_OF_DAY));
        putIfPresent(preferences, "setting", form.optional(SETTING));
        String language = form.optional(LANGUAGE);
        // a language tag is lower case; "CY" means the same as "cy"
        putIfPresent(preferences, "language", language == null ? null : language.toLowerCase(Locale.ROOT));
        if (!preferences.isEmpty()) {
            body.put("preferences", preferences);
        }

        putIfAny(body, "healthConditions", form.all(HEALTH_CONDITIONS));
        putIfAny(body, "accessibilityRequirements", form.all(ACCESSIBILITY));
        putIfPresent(body, "digitalAccess", form.optional(DIGITAL_ACCESS));

        Map<String, Object> travel = new LinkedHashMap<>();
        putIfPresent(travel, "postcode", form.optional(POSTCODE));
        String km = form.optional(MAX_TRAVEL_KM);
        if (km != null) {
            Double parsed = kilometres(km);
            // not a number: sent as typed, so the service names the field ("expected a number")
            travel.put("maxTravelKm", parsed != null ? parsed : km);
        }
        if (form.checked(PUBLIC_TRANSPORT_ONLY, "true")) {
            travel.put("publicTransportOnly", true);
        }
        body.put("travel", travel);

        String cost = form.value(COST_SENSITIVE);
        if (cost.equals("yes") || cost.equals("no")) {
            body.put("costSensitive", cost.equals("yes"));
        }
        return body;
    }

    /** "5", "2.5", "5 km" → the number; null for anything else. */
    static Double kilometres(String typed) {
        Matcher m = KM.matcher(typed.strip());
        return m.matches() ? Double.valueOf(m.group(1)) : null;
    }

    // ---- what only the console can tell

    /** The console's own checks before the check-answers page: null when there is nothing to say. */
    static Problem check(Form form) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (form.all(NEEDS).isEmpty()) {
            errors.add(new Problem.FieldError(NEEDS, "Select at least one need"));
        }
        String km = form.optional(MAX_TRAVEL_KM);
        if (km != null && kilometres(km) == null) {
            errors.add(new Problem.FieldError(MAX_TRAVEL_KM, "Enter the furthest distance as a number of kilometres, like 5 or 2.5"));
        }
        return errors.isEmpty() ? null
                : new Problem(400, "urn:linkwork:problem:validation-failed", "Check the answers", null, List.copyOf(errors), Map.of());
    }

    // ---- a recorded assessment, or the referral, into the form

    /** The form prefilled from a recorded assessment ({@code assessment} of one item of GET …/assessment). */
    static Form fromAssessment(Map<String, Object> assessment) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        addAll(values, NEEDS, assessment.get("needs"));
        if (assessment.get("goals") instanceof List<?> goals) {
            int row = 0;
            for (Object item : goals) {
                if (row >= MAX_GOALS) {
                    break;
                }
                if (item instanceof Map<?, ?> goal) {
                    addOne(values, goalText(row), goal.get("text"));
                    addOne(values, goalArea(row), goal.get("needArea"));
                    row++;
                }
            }
        }
        addAll(values, INTERESTS, assessment.get("interests"));
        if (assessment.get("preferences") instanceof Map<?, ?> p) {
            addAll(values, DELIVERY_MODES, p.get("deliveryModes"));
            addAll(values, DAYS, p.get("days"));
            addAll(values, TIMES_OF_DAY, p.get("timesOfDay"));
            addOne(values, SETTING, p.get("setting"));
            addOne(values, LANGUAGE, p.get("language"));
        }
        addAll(values, HEALTH_CONDITIONS, assessment.get("healthConditions"));
        addAll(values, ACCESSIBILITY, assessment.get("accessibilityRequirements"));
        addOne(values, DIGITAL_ACCESS, assessment.get("digitalAccess"));
        if (assessment.get("travel") instanceof Map<?, ?> t) {
            addOne(values, POSTCODE, t.get("postcode"));
            if (t.get("maxTravelKm") instanceof Number km) {
                values.add(MAX_TRAVEL_KM, number(km));
            }
            if (Boolean.TRUE.equals(t.get("publicTransportOnly"))) {
                values.add(PUBLIC_TRANSPORT_ONLY, "true");
            }
        }
        if (assessment.get("costSensitive") instanceof Boolean cost) {
            values.add(COST_SENSITIVE, cost ? "yes" : "no");
        }
        values.add(REASSESSMENT, "true");
        return new Form(values);
    }

    /** A first assessment starts from what the referral says: its needs, the person's postcode and language. */
    static Form fromReferral(Map<String, Object> referral) {
        MultivaluedHashMap<String, String> values = new MultivaluedHashMap<>();
        addAll(values, NEEDS, referral.get("needs"));
        if (referral.get("person") instanceof Map<?, ?> person) {
            addOne(values, POSTCODE, person.get("postcode"));
            addOne(values, LANGUAGE, person.get("language"));
        }
        return new Form(values);
    }

    /** 5.0 → "5", 2.5 → "2.5" */
    static String number(Number value) {
        BigDecimal exact = new BigDecimal(value.toString()).stripTrailingZeros();
        return exact.scale() <= 0 ? exact.toBigInteger().toString() : exact.toPlainString();
    }

    // ---- the service's refusal in the link worker's words

    /**
     * The problem with each field error's message said in the form's words ("Postcode: not a UK
     * postcode"), goals by the number of their row on the form, and a refused status change
     * explained. The fields stay as the service named them, so each still finds its control.
     */
    static Problem explain(Problem problem, Form form) {
        List<Integer> sent = sentGoalRows(form);
        List<Problem.FieldError> errors = problem.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), message(e.field(), e.message(), sent))).toList();
        String detail = problem.detail();
        if (problem.type() != null && problem.type().endsWith(":invalid-transition")) {
            Object status = problem.extensions().get("currentStatus");
            detail = "The assessment cannot be recorded while the referral is " + (status == null ? "at this stage" : Codes.words(status.toString()).toLowerCase(Locale.ROOT))
                    + ". It can be recorded once the person has been contacted, and again while the referral is assessed or matched.";
        }
        return new Problem(problem.status(), problem.type(), problem.title(), detail, errors, problem.extensions());
    }

    /** The form row a service goal index came from; -1 when there is none. */
    static int rowOfGoal(int index, List<Integer> sentRows) {
        return index >= 0 && index < sentRows.size() ? sentRows.get(index) : -1;
    }

    private static String message(String field, String said, List<Integer> sentRows) {
        String empty = said == null ? "" : said;
        boolean missing = empty.startsWith("must not be blank") || empty.startsWith("must not be null") || empty.startsWith("must not be empty");
        Matcher goal = GOAL_FIELD.matcher(field == null ? "" : field);
        if (goal.matches()) {
            int number = rowOfGoal(Integer.parseInt(goal.group(1)), sentRows) + 1;
            String label = number > 0 ? "Goal " + number : "A goal";
            if (goal.group(2).equals("text")) {
                return missing ? "Enter " + (number > 0 ? "goal " + number : "the goal") + " in the person's words" : label + ": " + said;
            }
            return missing ? "Select the need area for " + (number > 0 ? "goal " + number : "the goal") : label + " need area: " + said;
        }
        String stem = field == null ? "" : field.replaceAll("\\[\\d+]", "");
        if (missing) {
            switch (stem) {
                case NEEDS:
                    return "Select at least one need";
                case POSTCODE:
                case "travel":
                    return "Enter the person's postcode";
                default:
                    break;
            }
        }
        String label = LABELS.get(stem);
        String plain = bounds(said);
        return label == null ? plain : label + ": " + plain;
    }

    private static final Pattern AT_MOST = Pattern.compile("^must be less than or equal to (\\d+(?:\\.\\d+)?)$");
    private static final Pattern AT_LEAST = Pattern.compile("^must be greater than or equal to (\\d+(?:\\.\\d+)?)$");

    /** "must be less than or equal to 200.0" → "must be 200 or less" */
    static String bounds(String said) {
        if (said == null) {
            return "";
        }
        Matcher most = AT_MOST.matcher(said);
        if (most.matches()) {
            return "must be " + number(Double.valueOf(most.group(1))) + " or less";
        }
        Matcher least = AT_LEAST.matcher(said);
        return least.matches() ? "must be " + number(Double.valueOf(least.group(1))) + " or more" : said;
    }

    /** What each answer is called on the form. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry(NEEDS, "Needs"), Map.entry("goals", "Goals"),
            Map.entry(INTERESTS, "Interests"), Map.entry(DELIVERY_MODES, "How they would take part"), Map.entry(DAYS, "Days"),
            Map.entry(TIMES_OF_DAY, "Times of day"), Map.entry(SETTING, "Group or one-to-one"), Map.entry(LANGUAGE, "Language"),
            Map.entry("preferences", "Preferences"), Map.entry(HEALTH_CONDITIONS, "Health conditions"),
            Map.entry(ACCESSIBILITY, "Accessibility requirements"), Map.entry(DIGITAL_ACCESS, "Digital access"),
            Map.entry(POSTCODE, "Postcode"), Map.entry(MAX_TRAVEL_KM, "Furthest they can travel"),
            Map.entry(PUBLIC_TRANSPORT_ONLY, "Public transport only"), Map.entry("travel", "Travel"),
            Map.entry(COST_SENSITIVE, "Cost a barrier"));

    // ---- helpers

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static void putIfAny(Map<String, Object> map, String key, List<String> values) {
        if (!values.isEmpty()) {
            map.put(key, values);
        }
    }

    private static void addAll(MultivaluedHashMap<String, String> values, String name, Object list) {
        if (list instanceof List<?> items) {
            for (Object item : items) {
                addOne(values, name, item);
            }
        }
    }

    private static void addOne(MultivaluedHashMap<String, String> values, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            values.add(name, value.toString());
        }
    }
}
