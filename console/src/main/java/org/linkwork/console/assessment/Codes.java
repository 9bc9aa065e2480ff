package org.linkwork.console.assessment;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkwork.events.Need;
import org.linkwork.events.Vocabulary;

/**
 * The coded answers of an assessment, from the shared vocabularies, and the words a link worker
 * reads for each code.
 */
final class Codes {

    // declared first: the sorted lists below read them as the class initialises
    /** Codes whose plain reading ("Bsl", "Mon") would not be words a person says. */
    private static final Map<String, String> SPOKEN = Map.ofEntries(Map.entry("mon", "Monday"), Map.entry("tue", "Tuesday"),
            Map.entry("wed", "Wednesday"), Map.entry("thu", "Thursday"), Map.entry("fri", "Friday"), Map.entry("sat", "Saturday"),
            Map.entry("sun", "Sunday"), Map.entry("bsl", "British Sign Language (BSL)"), Map.entry("arts-crafts", "Arts and crafts"),
            Map.entry("long-covid", "Long COVID"), Map.entry("one-to-one", "One-to-one"),
            Map.entry("arts-creativity", "Arts and creativity"), Map.entry("long-term-condition", "Long-term condition"));

    /** What some choices mean, shown under them. */
    static final Map<String, String> HINTS = Map.of("morning", "Before 12pm", "afternoon", "12pm to 5pm", "evening", "After 5pm", "none",
            "No internet access", "limited", "Goes online with help", "full", "Goes online without help", "either",
            "Whichever suits the activity");

    static final List<String> NEEDS = Arrays.stream(Need.values()).map(Need::code).toList();
    static final List<String> DELIVERY_MODES = Vocabulary.DELIVERY_MODES;
    static final List<String> DAYS = Vocabulary.DAYS;
    static final List<String> TIMES_OF_DAY = Vocabulary.TIMES_OF_DAY;
    static final List<String> SETTINGS = Vocabulary.SETTINGS;
    static final List<String> DIGITAL_ACCESS = Vocabulary.DIGITAL_ACCESS;
    // the sets have no order of their own: alphabetical by their words, so the page is the same every time
    static final List<String> INTERESTS = byWords(Vocabulary.INTERESTS);
    static final List<String> HEALTH_CONDITIONS = byWords(Vocabulary.HEALTH_CONDITIONS);
    static final List<String> ACCESSIBILITY_REQUIREMENTS = byWords(Vocabulary.ACCESSIBILITY_REQUIREMENTS);

    private Codes() {
    }

    /** "physical-activity" → "Physical activity", as the console's Fmt.label reads codes, with the exceptions above. */
    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spoken = SPOKEN.get(code);
        if (spoken != null) {
            return spoken;
        }
        String words = code.replace('-', ' ').replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A language tag as a name: "cy" → "Welsh (cy)"; an unknown tag as it is. */
    static String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.UK);
        return name.isBlank() || name.equalsIgnoreCase(tag) ? tag : name + " (" + tag + ")";
    }

    private static List<String> byWords(Collection<String> codes) {
        return codes.stream().sorted(Comparator.comparing(Codes::words)).toList();
    }
}
