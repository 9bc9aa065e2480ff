package org.linkwork.matching.scoring;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** How an activity is taken part in, as the directory and the assessment code it. */
public final class DeliveryMode {

    public static final String IN_PERSON = "in-person";
    public static final String ONLINE = "online";
    public static final String TELEPHONE = "telephone";

    /** The order modes are named in, so that reasons read the same every time. */
    private static final List<String> ORDER = List.of(IN_PERSON, ONLINE, TELEPHONE);

    private DeliveryMode() {
    }

    /** "in person", "online", "by telephone": how a reason names a mode. */
    static String spoken(String mode) {
        return switch (mode) {
            case IN_PERSON -> "in person";
            case TELEPHONE -> "by telephone";
            default -> mode;
        };
    }

    /** The modes in their fixed order; codes outside the vocabulary last, alphabetically. */
    static List<String> ordered(Collection<String> modes) {
        return modes.stream().distinct().sorted((a, b) -> {
            int ia = ORDER.indexOf(a);
            int ib = ORDER.indexOf(b);
            if (ia < 0 && ib < 0) {
                return a.compareTo(b);
            }
            return Integer.compare(ia < 0 ? ORDER.size() : ia, ib < 0 ? ORDER.size() : ib);
        }).collect(Collectors.toList());
    }
}
