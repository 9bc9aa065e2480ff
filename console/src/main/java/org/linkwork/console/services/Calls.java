package org.linkwork.console.services;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The service calls of one request, made with the signed-in person's access token. */
@RequestScoped
public class Calls {

    private final ServiceClient client;
    private final SecurityIdentity identity;

    Calls(ServiceClient client, SecurityIdentity identity) {
        this.client = client;
        this.identity = identity;
    }

    public CompletableFuture<Reply> getAsync(Service service, String pathAndQuery) {
        return client.send(service, "GET", pathAndQuery, null, null, token());
    }

    /** A GET whose answer the page cannot do without: 403/404 and outages propagate to the error pages. */
    public Reply get(Service service, String pathAndQuery) {
        return join(getAsync(service, pathAndQuery));
    }

    /** A GET for one part of a page; an outage or a refusal leaves only that part out. */
    public CompletableFuture<Part> part(Service service, String pathAndQuery) {
        return getAsync(service, pathAndQuery).handle((reply, failure) -> {
            if (failure == null) {
                return Part.of(reply);
            }
            RuntimeException cause = ServiceClient.unwrap(failure);
            if (cause instanceof Unavailable down) {
                return Part.down(down.service());
            }
            if (cause instanceof NotVisible) {
                return Part.notShown();
            }
            throw cause;
        });
    }

    /** A change, sent with the form's idempotency key so that a double submit changes nothing twice. */
    public Reply send(Service service, String method, String path, Object body, String idempotencyKey) {
        return join(client.send(service, method, path, body, idempotencyKey, token()));
    }

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw ServiceClient.unwrap(e);
        }
    }

    private String token() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw new SignInAgain();
        }
        return credential.getToken();
    }
}
