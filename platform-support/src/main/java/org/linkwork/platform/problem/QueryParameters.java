package org.linkwork.platform.problem;

/**
 * Reads numeric query parameters so that a bad value is a 400 naming the parameter; JAX-RS itself
 * answers a query parameter it cannot convert with a bare 404.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static int integer(String name, String raw, int fallback, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
        }
        return value;
    }
}
