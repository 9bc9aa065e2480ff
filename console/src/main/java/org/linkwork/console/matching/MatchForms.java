package org.linkwork.console.matching;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkwork.console.services.Problem;
import org.linkwork.console.web.Form;
import org.linkwork.events.Vocabulary;

/**
 * The bodies the matching and referral services are sent, built from what the link worker ticked
 * and chose. Only what the services cannot tell (a reason left unchosen) is checked here; every
 * other rule is theirs.
 */
public final class MatchForms {

    private MatchForms() {
    }

    /**
     * A re-run with the filters on the form. The form always shows every group, so the lists are
     * always sent: none ticked means any day, time or mode. An empty distance keeps the assessment's.
     */
    public static Map<String, Object> rerun(Form form, boolean save) {
        Map<String, Object> body = new LinkedHashMap<>();
        String km = form.optional("maxTravelKm");
        if (km != null) {
            body.put("maxTravelKm", number(km));
        }
        body.put("days", ticked(form, "days", Vocabulary.DAYS));
        body.put("timesOfDay", ticked(form, "timesOfDay", Vocabulary.TIMES_OF_DAY));
        body.put("deliveryModes", ticked(form, "deliveryModes", Vocabulary.DELIVERY_MODES));
        body.put("save", save);
        return body;
    }

    /** "Choose this activity" or "Not suitable" with its coded reason. */
    public static Map<String, Object> feedback(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", form.value("serviceId"));
        String decision = form.value("decision");
        body.put("decision", decision);
        if ("not-suitable".equals(decision)) {
            body.put("reasonCode", form.value("reasonCode"));
        }
        return body;
    }

    /** The one thing the console checks before asking: a "not suitable" needs a reason chosen. */
    public static Problem feedbackProblem(Form form) {
        if ("not-suitable".equals(form.value("decision")) && form.optional("reasonCode") == null) {
            return Problem.field("reasonCode", "Select why this activity is not suitable");
        }
        return null;
    }

    /**
     * An activity referral to the provider of a proposed activity. The phone number is shared only
     * when the box was ticked; the activity type is the directory's, when it could be read.
     */
    public static Map<String, Object> activityReferral(Form form, String activityType) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", form.value("serviceId"));
        body.put("shareContact", "true".equals(form.value("shareContact")));
        if (activityType != null && !activityType.isBlank()) {
            body.put("activityType", activityType);
        }
        return body;
    }

    /** The requester's cancellation, with its coded reason. */
    public static Map<String, Object> cancel(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "cancelled");
        body.put("reasonCode", form.value("reasonCode"));
        return body;
    }

    public static Problem cancelProblem(Form form) {
        if (form.optional("reasonCode") == null) {
            return Problem.field("reasonCode", "Select why the activity referral is being cancelled");
        }
        return null;
    }

    /**
     * The activity type to report the referral under: the service's first term of the activity
     * taxonomy ({@code urn:linkwork:activity}) in the directory's nested service, else null.
     */
    public static String activityType(Map<String, Object> service) {
        if (service != null && service.get("attributes") instanceof List<?> attributes) {
            for (Object item : attributes) {
                if (item instanceof Map<?, ?> attribute && attribute.get("taxonomy_term") instanceof Map<?, ?> term
                        && "urn:linkwork:activity".equals(term.get("taxonomy")) && term.get("code") instanceof String code
                        && !code.isBlank()) {
                    return code;
                }
            }
        }
        return null;
    }

    /**
     * A distance as a JSON number when it reads as one ("7,5" too); otherwise the text as typed,
     * so that matching names the field and says what it expects.
     */
    static Object number(String typed) {
        String text = typed.replace(',', '.').replaceAll("(?i)\\s*km$", "").strip();
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    /** The ticked codes in the vocabulary's order; anything else is left for the service to refuse. */
    private static List<String> ticked(Form form, String field, List<String> vocabulary) {
        List<String> all = form.all(field);
        List<String> known = vocabulary.stream().filter(all::contains).toList();
        List<String> unknown = all.stream().filter(v -> !vocabulary.contains(v)).distinct().toList();
        return unknown.isEmpty() ? known : java.util.stream.Stream.concat(known.stream(), unknown.stream()).toList();
    }
}
