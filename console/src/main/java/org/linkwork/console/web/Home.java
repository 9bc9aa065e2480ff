package org.linkwork.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Where signing in lands: a link worker's caseload; other roles have no pages here yet. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Home {

    private final CurrentUser user;
    private final Chrome chrome;
    private final Template noPages;
    private final Template signedOut;

    Home(CurrentUser user, Chrome chrome, @Location("no-pages.html") Template noPages, @Location("signed-out.html") Template signedOut) {
        this.user = user;
        this.chrome = chrome;
        this.noPages = noPages;
        this.signedOut = signedOut;
    }

    @GET
    @Authenticated
    public Object home() {
        if (user.linkWorker()) {
            return Response.seeOther(URI.create("/caseload")).build();
        }
        return noPages.data("chrome", chrome).data("nav", "");
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.data("chrome", chrome).data("nav", "");
    }
}
