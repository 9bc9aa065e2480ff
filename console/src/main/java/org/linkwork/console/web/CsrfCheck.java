package org.linkwork.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses every state-changing request that does not carry this session's CSRF token, before any
 * resource runs: 403 and nothing changes. The form is read first so the token can come in it.
 */
public class CsrfCheck {

    private static final Logger LOG = Logger.getLogger(CsrfCheck.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CsrfToken csrf;
    private final Template refused;
    private final Chrome chrome;

    CsrfCheck(CsrfToken csrf, @Location("csrf-refused.html") Template refused, Chrome chrome) {
        this.csrf = csrf;
        this.refused = refused;
        this.chrome = chrome;
    }

    @ServerRequestFilter(readBody = true)
    public Response check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return null;
        }
        String presented = request.getHeaderString(CsrfToken.HEADER);
        if (presented == null && request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context) {
            Object field = context.getFormParameter(CsrfToken.FIELD, true, false);
            presented = field == null ? null : field.toString();
        }
        if (csrf.matches(presented)) {
            return null;
        }
        LOG.infof("refused a %s without this session's CSRF token", request.getMethod());
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(refused.data("chrome", chrome).data("nav", "").render()).build();
    }
}
