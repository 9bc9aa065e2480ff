package org.linkwork.console.matching;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.linkwork.events.Vocabulary;

/**
 * The words of the matching pages, for the templates ({@code matching:km(p.distanceKm)}): codes
 * in the order and the words a link worker reads, and distances written plainly.
 */
@TemplateExtension(namespace = "matching")
public class MatchingText {

    /** One choice of a select or a checkbox group. */
    @io.quarkus.qute.TemplateData
    public record Choice(String code, String text) {
    }

    /** Why a proposed activity is not suitable: {@link Vocabulary#UNSUITABLE_REASONS}, in the order a person would look for them. */
    static final List<Choice> UNSUITABLE_REASONS = List.of(new Choice("too-far", "Too far to travel"),
            new Choice("wrong-time", "Does not run at a time that suits"), new Choice("not-interested", "The person is not interested"),
            new Choice("not-accessible", "Not accessible for the person"), new Choice("cost", "Costs too much"),
            new Choice("full", "No places left"), new Choice("other", "Another reason"));

    /** Why the link worker cancels an activity referral: lower-case codes, as referral-service asks. */
    static final List<Choice> CANCEL_REASONS = List.of(new Choice("person-changed-mind", "The person changed their mind"),
            new Choice("no-longer-needed", "No longer needed"), new Choice("chose-another-activity", "The person chose another activity"),
            new Choice("person-unwell", "The person is unwell"), new Choice("sent-in-error", "Sent in error"),
            new Choice("other", "Another reason"));

    static final Map<String, String> DAYS = Map.of("mon", "Monday", "tue", "Tuesday", "wed", "Wednesday", "thu", "Thursday", "fri", "Friday",
            "sat", "Saturday", "sun", "Sunday");

    static final Map<String, String> TIMES_OF_DAY = Map.of("morning", "Morning (before 12pm)", "afternoon", "Afternoon (12pm to 5pm)",
            "evening", "Evening (after 5pm)");

    static final Map<String, String> DELIVERY_MODES = Map.of("in-person", "In person", "online", "Online", "telephone", "By telephone");

    /** Reasons providers and the platform give for ending an activity referral, in words. */
    static final Map<String, String> STATUS_REASONS = Map.ofEntries(Map.entry("no-capacity", "No places left"),
            Map.entry("person-declined", "The person declined"), Map.entry("person-unreachable", "The person could not be reached"),
            Map.entry("not-eligible", "The person is not eligible"), Map.entry("referral-withdrawn", "The referral was withdrawn"),
            Map.entry("referral-closed", "The referral was closed"), Map.entry("referral-declined", "The person declined the referral"),
            Map.entry("consent-withdrawn", "The person withdrew consent"), Map.entry("erasure", "The person's record was erased"));

    static List<Choice> unsuitableReasons() {
        return UNSUITABLE_REASONS;
    }

    static List<Choice> cancelReasons() {
        return CANCEL_REASONS;
    }

    static List<Choice> days() {
        return Vocabulary.DAYS.stream().map(c -> new Choice(c, DAYS.getOrDefault(c, c))).toList();
    }

    static List<Choice> timesOfDay() {
        return Vocabulary.TIMES_OF_DAY.stream().map(c -> new Choice(c, TIMES_OF_DAY.getOrDefault(c, c))).toList();
    }

    static List<Choice> deliveryModes() {
        return Vocabulary.DELIVERY_MODES.stream().map(c -> new Choice(c, DELIVERY_MODES.getOrDefault(c, c))).toList();
    }

    /** "Too far to travel" for too-far; an unknown code in plain words. */
    static String unsuitable(Object code) {
        return text(UNSUITABLE_REASONS, code);
    }

    /** The words for a cancellation or a provider's answer, whichever list knows the code. */
    static String reason(Object code) {
        if (code == null) {
            return "";
        }
        String known = STATUS_REASONS.get(code.toString());
        return known != null ? known : text(CANCEL_REASONS, code);
    }

    /** "0.7 km away", "12 km away"; no distance for what runs only from home, or when either place is unknown. */
    static String km(Object distance) {
        BigDecimal value = decimal(distance);
        if (value == null) {
            return "No distance given";
        }
        return plain(value.setScale(1, RoundingMode.HALF_UP)) + " km away";
    }

    /** A score in [0, 1] as "84 out of 100". */
    static String score(Object score) {
        BigDecimal value = decimal(score);
        return value == null ? "" : value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).toPlainString() + " out of 100";
    }

    /** A distance as typed back into the form: "5" for 5.0. */
    static String kmValue(Object distance) {
        BigDecimal value = decimal(distance);
        return value == null ? "" : plain(value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    private static String text(List<Choice> choices, Object code) {
        if (code == null) {
            return "";
        }
        String c = code.toString();
        return choices.stream().filter(choice -> choice.code().equals(c)).map(Choice::text).findFirst().orElseGet(() -> words(c));
    }

    private static String words(String code) {
        String words = code.replace('-', ' ');
        return words.isEmpty() ? "" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
