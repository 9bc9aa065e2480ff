package org.linkwork.platform.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body larger than the configured limit before it is read, as problem+json (the HTTP
 * layer's own refusal would be a bare 413). Bodies sent without a length are still capped by
 * {@code quarkus.http.limits.max-body-size}.
 */
@ApplicationScoped
public class BodySizeGuard {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
    MemorySize limit;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared > max) {
                Problem p = Problem.of("payload-too-large", "The request body is too large", 413,
                        "The body has " + declared + " bytes; the limit is " + max,
                        List.of(new Problem.FieldError("$", "body larger than " + max + " bytes"))).at(ctx.request().path());
                ctx.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close").end(Json.encode(p));
                return;
            }
            ctx.next();
        });
    }
}
