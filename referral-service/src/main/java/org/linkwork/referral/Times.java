package org.linkwork.referral;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Native queries hand back timestamps as whichever type the driver and Hibernate chose. */
public final class Times {

    private Times() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }
}
