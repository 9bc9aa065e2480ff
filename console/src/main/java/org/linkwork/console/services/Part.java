package org.linkwork.console.services;

import java.util.List;
import java.util.Map;

/**
 * One part of a page, fed by one service call: what it answered, or that it could not be asked.
 * A page whose matching-service is down still shows the referral, with a calm banner where the
 * proposals would be.
 */
public record Part(Reply reply, Service unavailable, boolean hidden) {

    public static Part of(Reply reply) {
        return new Part(reply, null, false);
    }

    public static Part down(Service service) {
        return new Part(null, service, false);
    }

    /** The service answered 403 or 404 for this part: shown as absent, not as an error. */
    public static Part notShown() {
        return new Part(null, null, true);
    }

    public boolean available() {
        return reply != null;
    }

    public boolean isDown() {
        return unavailable != null;
    }

    public Map<String, Object> map() {
        return reply == null ? Map.of() : reply.map();
    }

    public List<Object> list() {
        return reply == null ? List.of() : reply.list();
    }

    public String unavailableText() {
        return unavailable == null ? "" : "The " + unavailable.part() + " part is unavailable at the moment. Try again in a few minutes.";
    }
}
