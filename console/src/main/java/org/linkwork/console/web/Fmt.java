package org.linkwork.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Dates, codes and statuses in the words a person reads, for the templates ({@code fmt:day(x)}). */
@TemplateExtension(namespace = "fmt")
public class Fmt {

    static volatile ZoneId zone = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private static final Map<String, String> STATUS_COLOURS = Map.ofEntries(Map.entry("received", "nhsuk-tag--blue"),
            Map.entry("accepted", "nhsuk-tag--aqua-green"), Map.entry("contacted", "nhsuk-tag--aqua-green"),
            Map.entry("assessed", "nhsuk-tag--purple"), Map.entry("matched", "nhsuk-tag--purple"),
            Map.entry("in-activity", "nhsuk-tag--green"), Map.entry("completed", "nhsuk-tag--green"),
            Map.entry("closed", "nhsuk-tag--grey"), Map.entry("rejected", "nhsuk-tag--grey"), Map.entry("declined", "nhsuk-tag--grey"),
            Map.entry("withdrawn", "nhsuk-tag--grey"), Map.entry("unable-to-contact", "nhsuk-tag--orange"),
            Map.entry("requested", "nhsuk-tag--blue"), Map.entry("in-progress", "nhsuk-tag--green"),
            Map.entry("on-hold", "nhsuk-tag--yellow"), Map.entry("failed", "nhsuk-tag--red"), Map.entry("cancelled", "nhsuk-tag--grey"));

    /** "Thu 10 Dec" */
    static String day(Object instant) {
        Instant at = instant(instant);
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    /** "10 December 2026", for a date or an instant */
    static String date(Object value) {
        if (value == null) {
            return "";
        }
        try {
            return DATE.format(LocalDate.parse(value.toString()));
        } catch (DateTimeParseException notADate) {
            Instant at = instant(value);
            return at == null ? value.toString() : DATE.format(at.atZone(zone));
        }
    }

    /** "10 Dec 2026, 14:05" */
    static String dateTime(Object instant) {
        Instant at = instant(instant);
        return at == null ? "" : DATE_TIME.format(at.atZone(zone));
    }

    /** The machine-readable form for {@code <time datetime>}. */
    static String iso(Object instant) {
        Instant at = instant(instant);
        return at == null ? "" : at.toString();
    }

    static String age(Object dateOfBirth) {
        if (dateOfBirth == null) {
            return "";
        }
        try {
            return Integer.toString(Period.between(LocalDate.parse(dateOfBirth.toString()), LocalDate.now(zone)).getYears());
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    /** "in-activity" → "In activity" */
    static String label(Object code) {
        if (code == null || code.toString().isBlank()) {
            return "";
        }
        String words = code.toString().replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** "in-activity" → "in activity" */
    static String words(Object code) {
        return code == null ? "" : code.toString().replace('-', ' ');
    }

    /** A list of codes as words: "loneliness, physical activity" */
    static String list(Object codes) {
        if (codes instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(Fmt::words).toList());
        }
        return codes == null ? "" : words(codes);
    }

    static String tag(Object status) {
        return STATUS_COLOURS.getOrDefault(status == null ? "" : status.toString(), "nhsuk-tag--white");
    }

    static boolean contains(Object collection, Object value) {
        return collection instanceof Collection<?> c && value != null && c.stream().anyMatch(v -> value.toString().equals(String.valueOf(v)));
    }

    /** The first 8 characters of an id: how notifications and people refer to a referral. */
    static String ref(Object id) {
        String text = id == null ? "" : id.toString();
        return text.length() > 8 ? text.substring(0, 8) : text;
    }

    /** A fresh idempotency key for a form: sending the same form twice changes nothing twice. */
    static String newKey() {
        return java.util.UUID.randomUUID().toString();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
