package org.linkwork.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refuses a request body larger than its route's limit, as problem+json 413 naming the limit (the
 * HTTP layer's own refusal would be a bare 413).
 *
 * <ul>
 * <li>{@code linkwork.http.max-body-size}: every route's limit; by default
 * {@code quarkus.http.limits.max-body-size}, so a service that sets only that one keeps it.</li>
 * <li>{@code linkwork.http.body-limit."<path>"}: a route's own limit, for an exact path
 * ({@code "/imports"}) or a path and everything under it ({@code "/imports/*"}); the exact path,
 * then the longest prefix, wins.</li>
 * </ul>
 *
 * A body whose {@code Content-Length} is over the limit is refused before it is read. A body sent
 * without a length (chunked) is counted as the application reads it and refused once it passes the
 * limit. {@code quarkus.http.limits.max-body-size} stays the HTTP layer's own cap on declared
 * lengths, so it must be at least the largest limit; the service does not start otherwise.
 */
@ApplicationScoped
public class BodySizeGuard {

    /** Where the guard leaves the request's limit for the reader interceptor. */
    static final String LIMIT_KEY = "linkwork.body-limit";
    /** Quarkus REST's own cap on a body without a length (its VertxInputStream reads it from the routing context). */
    static final String QUARKUS_LIMIT_KEY = "io.quarkus.max-request-size";
    /**
     * Room above the limit for the HTTP layer's cap on bodies without a length: it counts bytes as
     * they arrive, a buffer or two ahead of the application, and must not cut the body (bare) before
     * the counting stream refuses it (problem+json).
     */
    static final long READ_AHEAD = 64 * 1024;
    static final String ROUTE_PROPERTY = "linkwork.http.body-limit.";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
    MemorySize httpLimit;

    @ConfigProperty(name = "linkwork.http.max-body-size")
    Optional<MemorySize> standardLimit;

    /** Limits by path: the standard one and those of routes that have their own. */
    public record Limits(long standard, Map<String, Long> exact, List<Map.Entry<String, Long>> prefixes) {

        /** The limit of a request path. */
        public long of(String path) {
            Long own = exact.get(path);
            if (own != null) {
                return own;
            }
            for (Map.Entry<String, Long> p : prefixes) {
                if (path.equals(p.getKey()) || path.startsWith(p.getKey() + "/")) {
                    return p.getValue();
                }
            }
            return standard;
        }

        /**
         * @param routes path (an exact path, or one ending in {@code /*} for everything under it) to limit
         * @param httpCap the HTTP layer's cap, which no limit may exceed
         */
        public static Limits of(long standard, Map<String, Long> routes, long httpCap) {
            Map<String, Long> exact = new HashMap<>();
            List<Map.Entry<String, Long>> prefixes = new ArrayList<>();
            check("linkwork.http.max-body-size", standard, httpCap);
            routes.forEach((path, limit) -> {
                if (!path.startsWith("/")) {
                    throw new IllegalStateException(ROUTE_PROPERTY + "\"" + path + "\": the path must start with /");
                }
                check(ROUTE_PROPERTY + "\"" + path + "\"", limit, httpCap);
                if (path.endsWith("/*")) {
                    prefixes.add(Map.entry(path.substring(0, path.length() - 2), limit));
                } else {
                    exact.put(path, limit);
                }
            });
            prefixes.sort(Comparator.comparingInt((Map.Entry<String, Long> e) -> e.getKey().length()).reversed());
            return new Limits(standard, Map.copyOf(exact), List.copyOf(prefixes));
        }

        private static void check(String name, long limit, long httpCap) {
            if (limit > httpCap) {
                throw new IllegalStateException(name + " is " + limit + " bytes, above quarkus.http.limits.max-body-size (" + httpCap
                        + " bytes), which the HTTP layer applies first: raise that to the largest limit");
            }
        }
    }

    /** Limits from the configuration. */
    Limits limits() {
        Config config = ConfigProvider.getConfig();
        Map<String, Long> routes = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROUTE_PROPERTY)) {
                String path = name.substring(ROUTE_PROPERTY.length());
                if (path.length() > 1 && path.startsWith("\"") && path.endsWith("\"")) {
                    path = path.substring(1, path.length() - 1);
                }
                routes.put(path, config.getValue(name, MemorySize.class).asLongValue());
            }
        }
        long http = httpLimit.asLongValue();
        return Limits.of(standardLimit.map(MemorySize::asLongValue).orElse(http), routes, http);
    }

    void install(@Observes Router router) {
        install(router, limits());
    }

    void install(Router router, Limits limits) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            long limit = limits.of(ctx.normalizedPath());
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > limit) {
                Problem p = tooLarge("The body has " + declared + " bytes; the limit is " + limit, limit).at(ctx.request().path());
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(p));
                return;
            }
            if (length == null) {
                ctx.put(LIMIT_KEY, limit);
            }
            ctx.next();
        });
        // after the HTTP layer's own handler (order -2), which caps a body without a length at its global limit
        router.route().order(-1).handler(ctx -> {
            Long limit = ctx.get(LIMIT_KEY);
            if (limit != null) {
                ctx.put(QUARKUS_LIMIT_KEY, limit + READ_AHEAD);
            }
            ctx.next();
        });
    }

    static Problem tooLarge(String detail, long limit) {
        return Problem.of("payload-too-large", "The request body is too large", 413, detail,
                List.of(new Problem.FieldError("$", "body larger than " + limit + " bytes")));
    }

    /** A body without a length passed its limit while it was read. */
    public static final class TooLarge extends IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes", null);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(TooLarge e, UriInfo uri) {
        // the rest of the body is still on its way: the connection cannot serve another request
        return Response.fromResponse(tooLarge("The body has more than " + e.limit() + " bytes; the limit is " + e.limit(), e.limit())
                .at(uri.getPath()).toResponse()).header(HttpHeaders.CONNECTION.toString(), "close").build();
    }

    /** Counts a body without a length as the application reads it, whatever reads it (JSON, a stream, a file upload). */
    @Provider
    public static class CountedBodies implements ReaderInterceptor {

        @Inject
        CurrentVertxRequest request;

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            RoutingContext ctx = request.getCurrent();
            Long limit = ctx == null ? null : ctx.get(LIMIT_KEY);
            if (limit != null) {
                context.setInputStream(new Counted(context.getInputStream(), limit));
            }
            return context.proceed();
        }
    }

    /** A stream that refuses to give more than its limit: reading past it throws {@link TooLarge}. */
    public static final class Counted extends FilterInputStream {
        private final long limit;
        private long read;

        public Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        /** Rewinding would count bytes twice or not at all. */
        @Override
        public boolean markSupported() {
            return false;
        }

        private void count(long n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
