package org.linkwork.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request, before any resource runs, must carry this session's CSRF token:
 * otherwise 403 and nothing changes. (A form sent with no session at all never gets here:
 * {@link EndedSessionForms} keeps it for the person to sign in again.)
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
        ResteasyReactiveRequestContext context = request.getServerRequestContext() instanceof ResteasyReactiveRequestContext c ? c : null;
        String presented = request.getHeaderString(CsrfToken.HEADER);
        if (presented == null && context != null) {
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

    /** The page the form was on (this console's own, from the Referer), else the page one level up. */
    static String pageOf(String action, String referer, URI base) {
        if (referer != null) {
            try {
                URI from = URI.create(referer);
                if (base.getHost() != null && base.getHost().equals(from.getHost()) && base.getPort() == from.getPort() && from.getRawPath() != null
                        && from.getRawPath().startsWith("/") && !from.getRawPath().startsWith("//")) {
                    return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
                }
            } catch (IllegalArgumentException notAnAddress) {
                // fall through to the form's own parent
            }
        }
        int parent = action.lastIndexOf('/');
        return parent > 0 ? action.substring(0, parent) : "/";
    }

}
