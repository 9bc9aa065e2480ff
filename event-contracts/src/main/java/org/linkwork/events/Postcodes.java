package org.linkwork.events;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UK postcodes: the one check and canonical form every service uses, and the district (outward code),
 * the finest place an analytics-safe event may carry.
 */
public final class Postcodes {

    private static final String OUTWARD = "[A-Z]{1,2}[0-9][0-9A-Z]?";
    private static final Pattern FULL = Pattern.compile("^(" + OUTWARD + ")[0-9][A-Z]{2}$");
    private static final Pattern DISTRICT = Pattern.compile("^" + OUTWARD + "$");

    /** A full UK postcode as people type it (any case, spaces anywhere between the parts); for Bean Validation. */
    public static final String PATTERN = "^\\s*[A-Za-z]{1,2}[0-9][0-9A-Za-z]?\\s*[0-9][A-Za-z]{2}\\s*$";

    private Postcodes() {
    }

    /** "ls6 2aa" → "LS6 2AA"; the value must be a full postcode. */
    public static String normalise(String postcode) {
        String compact = compact(postcode);
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** "ls6 2aa" → "LS6"; empty for anything that is not a full UK postcode. */
    public static Optional<String> districtOf(String postcode) {
        if (postcode == null) {
            return Optional.empty();
        }
        Matcher m = FULL.matcher(compact(postcode));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** " ls6" → "LS6"; empty when it is not a postcode district. */
    public static Optional<String> normaliseDistrict(String district) {
        if (district == null) {
            return Optional.empty();
        }
        String compact = compact(district);
        return DISTRICT.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }

    private static String compact(String value) {
        return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
}
