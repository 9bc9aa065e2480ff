package org.linkwork.referral.idempotency;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.linkwork.platform.problem.Problem;
import org.linkwork.referral.privacy.FieldEncryption;

/**
 * {@code Idempotency-Key} on every POST: the first request with a key runs; a retry with the same
 * key and the same body gets the first result again, without running twice; the same key with a
 * different body is 422. Keys are scoped to whoever sent them (user, client, or for anonymous
 * self-referrals the client address), so two callers never collide.
 */
public class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

    final IdempotencyStore store;
    final SecurityIdentity identity;
    final HttpServerRequest http;

    IdempotencyFilter(IdempotencyStore store, SecurityIdentity identity, HttpServerRequest http) {
        this.store = store;
        this.identity = identity;
        this.http = http;
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response claim(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200) {
            return Problem.of("validation-failed", "The request is not valid", 400, "Idempotency-Key must be 1 to 200 characters",
                    java.util.List.of(new Problem.FieldError(HEADER, "1 to 200 characters"))).at(request.getUriInfo().getPath()).toResponse();
        }
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String path = request.getUriInfo().getPath();
        IdempotencyStore.Claim claim = store.claim(scope(), key, "POST", path, IdempotencyStore.hash("POST", path, body));
        return switch (claim.outcome()) {
            case FIRST -> {
                request.setProperty(CLAIM, claim);
                yield null;
            }
            case REPLAY -> claim.replay();
            case DIFFERENT_BODY -> Problem.of("idempotency-key-reused", "Idempotency-Key already used for another request", 422,
                    "This Idempotency-Key was first used with a different request body or path; use a new key for a new request",
                    java.util.List.of(new Problem.FieldError(HEADER, "used before for a different request"))).at(path).toResponse();
            case IN_PROGRESS -> Problem.of("idempotency-key-in-progress", "The first request with this key is still running", 409,
                    "Retry in a moment to get its result", java.util.List.of()).at(path).toResponse();
        };
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyStore.Claim claim)) {
            return;
        }
        int status = response.getStatus();
        if (status >= 500 || status == 401 || status == 403 || status == 429) {
            // not a result of the request itself: let the client try the same key again
            store.release(claim);
            return;
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        Object contentType = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        store.complete(claim, status, contentType == null ? null : contentType.toString(), location == null ? null : location.toString(),
                response.getEntity());
    }

    private String scope() {
        if (identity != null && !identity.isAnonymous()) {
            return "user:" + identity.getPrincipal().getName();
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return "anonymous:" + FieldEncryption.configured().index("client:" + address);
    }
}
