package org.linkwork.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of problem, so clients can
 * branch on it; {@code errors} names each offending field by its JSON path. Extension members
 * (RFC 9457 section 3.2) carry what a client needs to act, e.g. the allowed next statuses.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_PREFIX = "urn:linkwork:problem:";

    public record FieldError(String field, String message) {
    }

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, Map.of());
    }

    public static Problem of(String slug, String title, int status, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, errors);
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions);
    }

    /** The same problem with one more extension member. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, errors, java.util.Collections.unmodifiableMap(more));
    }

    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
