package org.linkwork.console.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jakarta.ws.rs.core.Response;

/**
 * A posted form as the person filled it in: read by field name, and handed back to the template
 * when the service refused it, so nothing they typed is lost.
 */
public record Form(MultivaluedMap<String, String> values) {

    private static final Pattern KEY = Pattern.compile("^[0-9a-f-]{36}$");

    public static Form empty() {
        return new Form(new MultivaluedHashMap<>());
    }

    public static Form of(Map<String, List<String>> values) {
        MultivaluedHashMap<String, String> copy = new MultivaluedHashMap<>();
        values.forEach(copy::put);
        return new Form(copy);
    }

    /** The field's value, stripped; empty when not sent. */
    public String value(String name) {
        String value = values.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** The field's value, or null when left empty. */
    public String optional(String name) {
        String value = value(name);
        return value.isEmpty() ? null : value;
    }

    /** Every value of a repeated field (checkboxes), empty ones left out. */
    public List<String> all(String name) {
        List<String> all = values.get(name);
        return all == null ? List.of() : all.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public boolean checked(String name, String value) {
        return all(name).contains(value);
    }

    /** The key the services use to answer a repeated submit with the first one's result; a new one if the form had none. */
    public String idempotencyKey() {
        String key = value("idempotency-key");
        return KEY.matcher(key).matches() ? key : java.util.UUID.randomUUID().toString();
    }

    /** After a change: back to the page, with what happened in the banner (a code, never personal data). */
    public static Response done(String path, String what) {
        return Response.seeOther(URI.create(path + (path.contains("?") ? "&" : "?") + "done=" + what)).build();
    }
}
