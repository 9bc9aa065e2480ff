package org.linkwork.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into problem+json: field errors for bad input, the right status for the rest,
 * and never a stack trace or an exception message to the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Off in production: exception messages may quote personal data. Tests and dev turn it on. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "linkwork.problem.log-stack-traces", defaultValue = "false")
    boolean logStackTraces;

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return invalid(errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are not valid", errors, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return Problem.of("malformed-json", "The request body is not valid JSON", 400, "The body could not be parsed" + where,
                List.of(new Problem.FieldError("$", "not valid JSON" + where))).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException broken) {
            return malformedJson(broken, uri); // a syntax error met while reading a nested value
        }
        String field = pathOf(e);
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field; expected one of " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "not one of the allowed values: " + Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (e instanceof ValueInstantiationException) {
            message = e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null ? iae.getMessage() : "not a valid value";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + describe(m.getTargetType());
        } else {
            message = "not a valid value";
        }
        return invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)), uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return Problem.of("malformed-json", "The request body is not valid JSON", 400, "The body could not be read as JSON",
                List.of(new Problem.FieldError("$", "not valid JSON"))).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this", List.of()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problem.of("unauthorized", "Authentication required", 401,
                "Send a valid bearer token from the linkwork realm", List.of()).at(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonMappingException m) {
            return jsonMapping(m, uri);
        }
        if (e.getCause() instanceof JsonProcessingException p) {
            return otherJson(p, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = switch (status.getStatusCode()) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status.getStatusCode() < 500 ? "bad-request" : "unavailable";
        };
        return Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), status.getReasonPhrase(), List.of())
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        // messages can carry request data (personal data), so production logs name the class and the incident only
        if (logStackTraces) {
            LOG.errorf(e, "Unexpected %s while serving %s (incident %s)", e.getClass().getName(), uri.getPath(), incident);
        } else {
            LOG.errorf("Unexpected %s while serving %s (incident %s)", e.getClass().getName(), uri.getPath(), incident);
        }
        return Problem.of("internal", "Internal error", 500, "Something went wrong on our side; incident " + incident, List.of())
                .at(uri.getPath()).toResponse();
    }

    private static Response invalid(String detail, List<Problem.FieldError> errors, UriInfo uri) {
        return Problem.of("validation-failed", "The request is not valid", 400, detail, errors).at(uri.getPath()).toResponse();
    }

    /** The JSON path of a violation inside the request body, without the Java method and parameter names. */
    public static String fieldOf(ConstraintViolation<?> v) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                parts.clear();
                continue;
            }
            if (node.getIndex() != null && !parts.isEmpty()) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + node.getIndex() + "]");
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                parts.add(node.getName());
            }
        }
        return parts.isEmpty() ? "$" : String.join(".", parts);
    }

    /** The JSON path of a mapping error: {@code schedules[0].opens_at}, {@code $} at the root. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "an object";
    }
}
