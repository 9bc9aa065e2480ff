package org.linkwork.matching.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linkwork.events.Need;
import org.linkwork.events.Vocabulary;

/**
 * The shared vocabularies as bit positions, so that comparing a person with 100,000 activities is a
 * handful of {@code and}s per activity instead of set look-ups. Codes outside a vocabulary have no
 * bit and never match.
 */
final class Codes {

    static final List<String> NEEDS = java.util.Arrays.stream(Need.values()).map(Need::code).toList();
    static final List<String> INTERESTS = Vocabulary.INTERESTS.stream().sorted().toList();
    static final List<String> MODES = Vocabulary.DELIVERY_MODES;
    static final List<String> FEATURES = Vocabulary.ACCESSIBILITY_FEATURES.stream().sorted().toList();
    static final List<String> CONDITIONS = Vocabulary.HEALTH_CONDITIONS.stream().sorted().toList();
    static final List<String> DAYS = Vocabulary.DAYS;
    static final List<String> TIMES = Vocabulary.TIMES_OF_DAY;

    static final int IN_PERSON = 1;
    static final int ONLINE = 1 << 1;
    static final int TELEPHONE = 1 << 2;
    /** Modes taken part in from home. */
    static final int REMOTE = ONLINE | TELEPHONE;

    /**
     * The feature meeting each accessibility requirement: the same code, except limited mobility
     * (step-free access) and no strenuous activity (low intensity), as {@link Vocabulary} documents.
     */
    static final Map<String, String> FEATURE_FOR_REQUIREMENT = Map.of(
            "wheelchair-access", "wheelchair-access",
            "hearing-loop", "hearing-loop",
            "bsl", "bsl",
            "learning-disability-support", "learning-disability-support",
            "limited-mobility", "step-free-access",
            "no-strenuous-activity", "low-intensity");

    /** Requirements about the venue: someone who can take part from home is not kept out by them. */
    static final List<String> VENUE_REQUIREMENTS = List.of("wheelchair-access", "limited-mobility", "hearing-loop");

    private Codes() {
    }

    static int mask(List<String> vocabulary, Collection<String> codes) {
        int mask = 0;
        if (codes != null) {
            for (String code : codes) {
                int i = code == null ? -1 : vocabulary.indexOf(code);
                if (i >= 0) {
                    mask |= 1 << i;
                }
            }
        }
        return mask;
    }

    /** The codes whose bits are set, in the vocabulary's order. */
    static List<String> codes(List<String> vocabulary, int mask) {
        return java.util.stream.IntStream.range(0, vocabulary.size()).filter(i -> (mask & (1 << i)) != 0)
                .mapToObj(vocabulary::get).toList();
    }

    /** Bit of a day and a part of the day in a 21-bit week: day × 3 + part. */
    static int slot(int day, int part) {
        return 1 << (day * 3 + part);
    }

    /** Every part of the given days. */
    static int wholeDays(int dayMask) {
        int mask = 0;
        for (int d = 0; d < 7; d++) {
            if ((dayMask & (1 << d)) != 0) {
                mask |= 0b111 << (d * 3);
            }
        }
        return mask;
    }

    /** The given parts of every day. */
    static int everyDay(int partMask) {
        int mask = 0;
        for (int d = 0; d < 7; d++) {
            mask |= partMask << (d * 3);
        }
        return mask;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
