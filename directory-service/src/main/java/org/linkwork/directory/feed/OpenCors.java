package org.linkwork.directory.feed;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * ORUK requires every response of a feed to carry {@code Access-Control-Allow-Origin: *}, so that
 * browser applications anywhere can read it. The directory holds no personal data and uses bearer
 * tokens, not cookies, so a wildcard exposes nothing.
 */
@ApplicationScoped
public class OpenCors {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            ctx.response().putHeader("Access-Control-Allow-Origin", "*");
            if ("OPTIONS".equals(ctx.request().method().name()) && ctx.request().getHeader("Access-Control-Request-Method") != null) {
                ctx.response().putHeader("Access-Control-Allow-Methods", "GET, PUT, POST, DELETE, OPTIONS")
                        .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match")
                        .putHeader("Access-Control-Expose-Headers", "ETag, Location")
                        .putHeader("Access-Control-Max-Age", "86400")
                        .setStatusCode(204).end();
                return;
            }
            ctx.response().putHeader("Access-Control-Expose-Headers", "ETag, Location");
            ctx.next();
        });
    }
}
