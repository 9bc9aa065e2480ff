package org.linkwork.directory.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.linkwork.directory.geocoding.Located;
import org.linkwork.directory.geocoding.PostcodeLocator;
import org.linkwork.events.Postcodes;
import org.linkwork.events.Vocabulary;
import org.linkwork.platform.problem.ProblemException;

/** Reads the query parameters searches share, so that a bad value is a 400 naming the parameter. */
public final class FeedParameters {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private FeedParameters() {
    }

    public static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.invalid(name, "true or false");
        };
    }

    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(raw.strip()).atStartOfDay(UK).toInstant();
            } catch (DateTimeParseException e2) {
                throw ProblemException.invalid(name, "an ISO 8601 date-time such as 2025-01-31T09:00:00Z, or a date");
            }
        }
    }

    public static LocalTime time(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(raw.strip().length() == 5 ? raw.strip() : raw.strip().substring(0, Math.min(8, raw.strip().length())));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "a time HH:MM");
        }
    }

    /** mon…sun, MO…SU or the day's English name. */
    public static String day(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().toLowerCase(Locale.ROOT);
        List<String> ical = List.of("mo", "tu", "we", "th", "fr", "sa", "su");
        if (ical.contains(v)) {
            return Vocabulary.DAYS.get(ical.indexOf(v));
        }
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (v.equals(full) || v.equals(full.substring(0, 3))) {
                return full.substring(0, 3);
            }
        }
        throw ProblemException.invalid(name, "a day: mon, tue, wed, thu, fri, sat or sun");
    }

    /** The position of a postcode: 400 when it is not one, or when no source can place it. */
    public static Optional<Located> postcode(String name, String raw, PostcodeLocator locator) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (Postcodes.districtOf(raw).isEmpty()) {
            throw ProblemException.invalid(name, "not a full UK postcode");
        }
        return Optional.of(locator.locate(raw).orElseThrow(() -> ProblemException.invalid(name,
                "no position is known for this postcode; check it, or search by lat and lon")));
    }
}
