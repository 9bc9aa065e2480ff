package org.linkwork.notification.inbox;

import org.linkwork.platform.problem.QueryParameters;

/** Which page of an inbox to show; read from the query string, where a bad value is the caller's error to fix. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Absent parameters take their defaults; anything else must be a whole number in range. */
    public static Paging of(String page, String size) {
        return new Paging(QueryParameters.integer("page", page, 0, 0, Integer.MAX_VALUE),
                QueryParameters.integer("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    /** Rows to skip; a long, because page × size can pass the int range. */
    public long offset() {
        return (long) page * size;
    }
}
