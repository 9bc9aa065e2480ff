package org.linkwork.matching.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How reasons name codes, in plain words a link worker can read out. */
final class Spoken {

    private static final List<String> DAY_NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> PARTS = List.of("mornings", "afternoons", "evenings");
    private static final Map<String, String> FEATURES = Map.of(
            "wheelchair-access", "wheelchair access",
            "step-free-access", "step-free access",
            "hearing-loop", "a hearing loop",
            "bsl", "BSL interpretation",
            "learning-disability-support", "learning disability support",
            "accessible-toilet", "an accessible toilet",
            "low-intensity", "a low-intensity option",
            "seated-options", "seated options",
            "large-print", "large print");

    private Spoken() {
    }

    static String mode(String mode) {
        return switch (mode) {
            case "in-person" -> "in person";
            case "telephone" -> "by telephone";
            default -> mode;
        };
    }

    static String modes(int mask) {
        return String.join(" or ", Codes.codes(Codes.MODES, mask).stream().map(Spoken::mode).toList());
    }

    static String feature(String code) {
        return FEATURES.getOrDefault(code, code.replace('-', ' '));
    }

    private static final Map<String, String> CONDITIONS = Map.ofEntries(
            Map.entry("cardiovascular", "a heart or circulation condition"),
            Map.entry("respiratory", "a breathing condition"),
            Map.entry("diabetes", "diabetes"),
            Map.entry("musculoskeletal", "a joint, bone or muscle condition"),
            Map.entry("mental-health", "a mental health condition"),
            Map.entry("dementia", "dementia"),
            Map.entry("learning-disability", "a learning disability"),
            Map.entry("sensory-impairment", "sight or hearing loss"),
            Map.entry("cancer", "cancer"),
            Map.entry("long-covid", "long COVID"),
            Map.entry("frailty", "frailty"));

    static String condition(String code) {
        return CONDITIONS.getOrDefault(code, code.replace('-', ' '));
    }

    /** "a, b or c". */
    static String either(List<String> words) {
        return words.size() <= 1 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    static String language(String tag) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.UK);
        return name == null || name.isBlank() ? tag : name;
    }

    /** "Tuesday and Thursday mornings", "Saturdays", "mornings and evenings", from week slots. */
    static String week(int weekMask, boolean sayDays, boolean sayParts) {
        List<String> days = new ArrayList<>();
        int parts = 0;
        for (int d = 0; d < 7; d++) {
            int slots = (weekMask >>> (d * 3)) & 0b111;
            if (slots != 0) {
                days.add(DAY_NAMES.get(d));
                parts |= slots;
            }
        }
        List<String> partNames = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            if ((parts & (1 << p)) != 0) {
                partNames.add(PARTS.get(p));
            }
        }
        if (sayDays && sayParts) {
            return joined(days) + " " + joined(partNames);
        }
        return sayDays ? "on " + joined(days) : joined(partNames);
    }

    static String joined(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    static String km(double km) {
        return String.format(Locale.ROOT, "%.1f", km);
    }

    /** 5 → "5", 7.5 → "7.5". */
    static String limit(double km) {
        return km == Math.rint(km) ? String.valueOf((long) km) : String.valueOf(km);
    }

    static String ages(Integer min, Integer max) {
        if (min != null && max != null) {
            return "for ages " + min + " to " + max + " only";
        }
        return min != null ? "for ages " + min + " and over only" : "for ages up to " + max + " only";
    }
}
