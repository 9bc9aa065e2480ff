package org.linkwork.console.services;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem a service answered, as the error summary shows it: one message per field
 * named in {@code errors[]} (each linking to its form field), or the detail alone.
 */
public record Problem(int status, String type, String title, String detail, List<FieldError> errors, Map<String, Object> extensions) {

    /** One bad field: its JSON path as the service named it, and what is wrong with it. */
    public record FieldError(String field, String message) {

        /** The id of the form control that holds this field: the path with dots and brackets as dashes. */
        public String anchor() {
            return Problem.anchorOf(field);
        }
    }

    public static Problem of(int status, Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        if (body.get("errors") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> e) {
                    errors.add(new FieldError(text(e.get("field")), text(e.get("message"))));
                }
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>(body);
        for (String member : List.of("type", "title", "detail", "status", "errors", "instance")) {
            extensions.remove(member);
        }
        return new Problem(status, text(body.get("type")), text(body.get("title")), text(body.get("detail")), List.copyOf(errors),
                extensions);
    }

    /** A problem the console finds itself, before asking a service (a field left empty). */
    public static Problem field(String field, String message) {
        return new Problem(400, "urn:linkwork:problem:validation-failed", "Check your answers", null,
                List.of(new FieldError(field, message)), Map.of());
    }

    public boolean about(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + ".") || e.field().startsWith(field + "["));
    }

    /** The message for one field (or one of its members), or null. */
    public String messageFor(String field) {
        return errors.stream().filter(e -> e.field().equals(field) || e.field().startsWith(field + ".") || e.field().startsWith(field + "["))
                .map(FieldError::message).findFirst().orElse(null);
    }

    /** What the summary says when no field is named. */
    public String summary() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return title != null && !title.isBlank() ? title : "The request could not be completed";
    }

    static String anchorOf(String field) {
        if (field == null || field.isBlank()) {
            return "main-content";
        }
        String stem = field.replaceAll("\\[\\d+]", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-+$", "");
        return "field-" + stem;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
