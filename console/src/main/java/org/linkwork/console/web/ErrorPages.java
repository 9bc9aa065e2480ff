package org.linkwork.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkwork.console.services.NotVisible;
import org.linkwork.console.services.SignInAgain;
import org.linkwork.console.services.Unavailable;

/**
 * Every failure becomes a plain page: "you cannot see this" for a service's 403 or 404 and for a
 * page of another role, a calm "unavailable" page when the service a page cannot do without is
 * down, and never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template page;
    private final Chrome chrome;

    ErrorPages(@Location("error.html") Template page, Chrome chrome) {
        this.page = page;
        this.chrome = chrome;
    }

    @ServerExceptionMapper
    Response notVisible(NotVisible e) {
        return render(404, "You cannot see this page",
                "It may not exist, or it belongs to another team or organisation. If you think you should see it, ask your team lead.");
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return render(403, "You cannot see this page", "This part of Linkwork is not for your role.");
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e) {
        return render(404, "Page not found", "If you typed the web address, check it is correct.");
    }

    @ServerExceptionMapper
    Response notAllowed(NotAllowedException e, jakarta.ws.rs.core.UriInfo uri, jakarta.ws.rs.core.Request request) {
        // a form's address opened as a page: after signing in again, the sign-in returns to the address the
        // form was sent to; the page that form belongs to is one level up
        String path = uri.getPath();
        int parent = path.lastIndexOf('/');
        if ("GET".equals(request.getMethod()) && parent > 0) {
            return Response.seeOther(URI.create(path.substring(0, parent))).build();
        }
        return render(405, "Page not found", "If you typed the web address, check it is correct.");
    }

    @ServerExceptionMapper
    Response unavailable(Unavailable e) {
        return render(503, "Sorry, this part of Linkwork is unavailable",
                "The " + e.service().part() + " part is not answering at the moment. Try again in a few minutes. Nothing you saved has been lost.");
    }

    @ServerExceptionMapper
    Response signInAgain(SignInAgain e) {
        // the service no longer accepts the session's token: end the session, the next page signs in again
        return Response.seeOther(URI.create("/sign-out")).build();
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e) {
        return Response.seeOther(URI.create("/")).build();
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 || status == 415) {
            return render(400, "Sorry, that did not work", "The form could not be read. Go back and try again.");
        }
        if (status == 413) {
            return render(413, "Sorry, that was too long", "What you sent is longer than Linkwork accepts. Go back and shorten it.");
        }
        if (status < 500) {
            return render(status, "Sorry, that did not work", "Go back and try again.");
        }
        return failure(e);
    }

    @ServerExceptionMapper
    Response failure(Throwable e) {
        // the class and where, never the message: messages may hold what a person typed
        LOG.errorf("page failed: %s at %s", e.getClass().getName(), where(e));
        return render(500, "Sorry, there is a problem with Linkwork", "Try again later. Nothing you saved has been lost.");
    }

    static String where(Throwable e) {
        StringBuilder frames = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t != e) {
                frames.append(" <- ").append(t.getClass().getName());
            }
            StackTraceElement[] stack = t.getStackTrace();
            for (int i = 0; i < Math.min(6, stack.length); i++) {
                frames.append(i == 0 ? " " : ", ").append(stack[i]);
            }
        }
        return frames.toString();
    }

    private Response render(int status, String title, String text) {
        String html;
        try {
            html = page.data("chrome", chrome).data("title", title).data("text", text).data("status", status).render();
        } catch (RuntimeException renderingFailed) {
            html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - Linkwork</title></head><body><main><h1>"
                    + title + "</h1><p>" + text + "</p></main></body></html>";
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
