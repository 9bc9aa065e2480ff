package org.linkwork.console.services;

import java.util.List;
import java.util.Map;

/**
 * A service's answer: its status and its JSON body (maps, lists, strings, numbers), or for an
 * error its problem+json.
 */
public record Reply(int status, Object body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return body instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list() {
        return body instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The problem a refused request came back with. */
    public Problem problem() {
        return Problem.of(status, map());
    }
}
