package org.linkwork.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.vertx.web.RouteFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.linkwork.console.ConsoleConfig;

/**
 * A form sent after the person's session ended (the console's cookies gone or its tokens no longer
 * refreshable). Nothing is done with it: what they typed is kept for them in an encrypted cookie
 * and they are sent to the page the form was on, which signs them in again and puts it back
 * ({@link Drafts#take}). This runs before the resources, whose role checks would otherwise send
 * them to sign in with the form lost.
 */
@ApplicationScoped
public class EndedSessionForms {

    private static final Logger LOG = Logger.getLogger(EndedSessionForms.class);

    private final ObjectMapper json;
    private final SecretKeySpec key;
    private final long keepFor;
    private final boolean secure;

    EndedSessionForms(ObjectMapper json, ConsoleConfig config) {
        this.json = json;
        this.key = Drafts.keyOf(config);
        this.keepFor = config.drafts().keepFor().toSeconds();
        this.secure = config.secureCookies();
    }

    @RouteFilter(50)
    void beforeAForm(RoutingContext http) {
        String type = http.request().getHeader("Content-Type");
        if (http.request().method() != HttpMethod.POST || type == null || !type.startsWith("application/x-www-form-urlencoded")) {
            http.next();
            return;
        }
        Context context = Vertx.currentContext();
        http.request().pause();
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(http, null);
        identity.subscribe().with(found -> context.runOnContext(ignored -> {
            if (found == null || found.isAnonymous()) {
                keep(http);
            } else {
                http.request().resume();
                http.next();
            }
        }), ended -> context.runOnContext(ignored -> keep(http)));
    }

    private void keep(RoutingContext http) {
        http.request().resume();
        http.request().body().onComplete(body -> {
            String action = http.request().path();
            String page = CsrfCheck.pageOf(action, http.request().getHeader("Referer"), URI.create(http.request().absoluteURI()));
            String sealed = body.succeeded() ? Drafts.sealed(json, key, page, action, fields(body.result().toString(StandardCharsets.UTF_8))) : null;
            if (sealed != null) {
                http.response().addCookie(Drafts.cookie(sealed, keepFor, secure));
            }
            LOG.infof("a form arrived without a session; %s, sent to sign in again", sealed != null ? "what was typed is kept" : "nothing could be kept");
            http.response().setStatusCode(303).putHeader("Location", page).putHeader("Cache-Control", "no-store").end();
        });
    }

    static Map<String, List<String>> fields(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }
}
