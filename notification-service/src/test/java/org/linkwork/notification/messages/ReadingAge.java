package org.linkwork.notification.messages;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Flesch–Kincaid grade level of English text: 0.39 × words per sentence + 11.8 × syllables per word
 * − 15.59. Syllables are counted by the usual rule of thumb (groups of vowels, less a silent final
 * "e" and the "-es"/"-ed" endings that add no sound). Tokens without letters, or with digits or "@"
 * (phone numbers, references, addresses), are not words for this purpose. A sentence ends with
 * ".", "!" or "?", or at the end of a paragraph or line that has no such mark (a greeting).
 */
public final class ReadingAge {

    private ReadingAge() {
    }

    public static double grade(String text) {
        List<String> sentences = Arrays.stream(text.split("(?<=[.!?])\\s+|\\n+"))
                .map(String::strip).filter(s -> s.chars().anyMatch(Character::isLetter)).toList();
        List<String> words = Arrays.stream(text.split("\\s+")).map(ReadingAge::bare).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
            return 0;
        }
        int syllables = words.stream().mapToInt(ReadingAge::syllables).sum();
        return 0.39 * words.size() / sentences.size() + 11.8 * syllables / words.size() - 15.59;
    }

    /** Grade plus five: the reading age in years that the grade corresponds to in the UK. */
    public static double years(String text) {
        return grade(text) + 5;
    }

    static String bare(String token) {
        if (token.matches(".*[0-9@].*")) {
            return "";
        }
        return token.toLowerCase(Locale.ROOT).replaceAll("[^a-z']", "").replace("'", "");
    }

    static int syllables(String word) {
        if (word.length() <= 3) {
            return 1;
        }
        String w = word.replaceAll("(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "x").replaceAll("^y", "");
        int groups = w.split("[aeiouy]+", -1).length - 1;
        return Math.max(1, groups);
    }
}
