package org.linkwork.notification.people;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours, UK local time, in which a person wants no messages: a message due then waits until
 * they end (it is deferred, never dropped). A span may cross midnight (21:00 to 08:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    /** When a message due at {@code at} may go: empty if it may go now, else the end of the quiet hours. */
    public Optional<Instant> deferUntil(Instant at) {
        if (start.equals(end)) {
            return Optional.empty(); // an empty span, not a whole day of silence
        }
        ZonedDateTime local = at.atZone(UK);
        LocalTime time = local.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.toLocalDate().atTime(end).atZone(UK);
        return Optional.of((endToday.isAfter(local) ? endToday : local.toLocalDate().plusDays(1).atTime(end).atZone(UK)).toInstant());
    }
}
