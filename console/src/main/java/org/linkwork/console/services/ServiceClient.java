package org.linkwork.console.services;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jboss.logging.Logger;
import org.linkwork.console.ConsoleConfig;

/**
 * HTTP to the five services. Every call carries the signed-in person's own access token, so the
 * services' role and organisation checks stay the only authority. Calls are asynchronous so that
 * a page asks all the services it needs at once.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);

    private final ConsoleConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    ServiceClient(ConsoleConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.services().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends one request. Completes with the reply for every answer but these, which complete
     * exceptionally: 401 ({@link SignInAgain}), 403 and 404 ({@link NotVisible}), no answer or 5xx
     * ({@link Unavailable}).
     */
    public CompletableFuture<Reply> send(Service service, String method, String pathAndQuery, Object body, String idempotencyKey,
            String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base(service).resolve(pathAndQuery)).timeout(config.services().timeout())
                .header("Accept", "application/json, application/problem+json");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(""));
        } else {
            try {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("body cannot be written as JSON", e));
            }
        }
        long started = System.nanoTime();
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                // the path holds ids only, never personal data
                LOG.warnf("%s %s %s: no answer (%s)", service.name().toLowerCase(), method, pathOnly(pathAndQuery), failure.getClass().getSimpleName());
                throw new Unavailable(service, "no answer");
            }
            LOG.debugf("%s %s %s: %d in %d ms", service.name().toLowerCase(), method, pathOnly(pathAndQuery), response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return reply(service, response);
        });
    }

    private Reply reply(Service service, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 401) {
            throw new SignInAgain();
        }
        if (status == 403 || status == 404) {
            throw new NotVisible(status);
        }
        if (status >= 500) {
            throw new Unavailable(service, "status " + status);
        }
        byte[] bytes = response.body();
        Object body = null;
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (bytes.length > 0 && type.contains("json")) {
            try {
                body = json.readValue(bytes, Object.class);
            } catch (IOException e) {
                throw new Unavailable(service, "an answer that is not JSON");
            }
        }
        return new Reply(status, body);
    }

    /** The URL a live stream of this service is read from. */
    public URI base(Service service) {
        return switch (service) {
            case REFERRAL -> config.services().referral().url();
            case DIRECTORY -> config.services().directory().url();
            case MATCHING -> config.services().matching().url();
            case OUTCOMES -> config.services().outcomes().url();
            case NOTIFICATION -> config.services().notification().url();
        };
    }

    public HttpClient http() {
        return http;
    }

    static String pathOnly(String pathAndQuery) {
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    /** Unwraps what a CompletableFuture wrapped around the console's own exceptions. */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }
}
