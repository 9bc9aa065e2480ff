package org.linkwork.console.web;

import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.CompletableFuture;
import org.linkwork.console.services.Calls;
import org.linkwork.console.services.Part;
import org.linkwork.console.services.Service;

/**
 * What every page's header shows: the person, the navigation and the unread count of their inbox.
 * The inbox is asked as soon as a page starts, beside the page's own calls.
 */
@RequestScoped
public class Chrome {

    private final CurrentUser user;
    private final Calls calls;
    private CompletableFuture<Part> inbox;

    Chrome(CurrentUser user, Calls calls) {
        this.user = user;
        this.calls = calls;
    }

    /** Starts the inbox call; pages call this first so it runs beside their own. */
    public Chrome start() {
        if (inbox == null && user.signedIn()) {
            inbox = calls.part(Service.NOTIFICATION, "/notifications?page=0&size=1");
        }
        return this;
    }

    public CurrentUser user() {
        return user;
    }

    /** The unread count, or null when the inbox cannot be read now. */
    public Integer unread() {
        start();
        if (inbox == null) {
            return null;
        }
        Part part = Calls.join(inbox);
        return part.available() && part.map().get("unread") instanceof Number n ? n.intValue() : null;
    }
}
