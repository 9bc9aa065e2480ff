package org.linkwork.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The shared vocabulary of needs (FHIR code system {@code urn:linkwork:need}); the directory's
 * needs taxonomy, whose uri is the same, uses the same codes. Add codes only with a reason; never
 * rename one.
 */
public enum Need {
    LONELINESS("loneliness"),
    LOW_MOOD("low-mood"),
    ANXIETY("anxiety"),
    PHYSICAL_ACTIVITY("physical-activity"),
    HEALTHY_WEIGHT("healthy-weight"),
    MONEY("money"),
    DEBT("debt"),
    HOUSING("housing"),
    EMPLOYMENT("employment"),
    LEARNING("learning"),
    DIGITAL_SKILLS("digital-skills"),
    CARER_SUPPORT("carer-support"),
    BEREAVEMENT("bereavement"),
    ARTS_CREATIVITY("arts-creativity"),
    NATURE("nature"),
    FOOD("food"),
    RELATIONSHIPS("relationships"),
    LONG_TERM_CONDITION("long-term-condition"),
    SUBSTANCE_USE("substance-use");

    public static final String SYSTEM = "urn:linkwork:need";

    private final String code;

    Need(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Need fromCode(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a need code from " + SYSTEM + "; expected one of "
                        + Arrays.stream(values()).map(Need::code).collect(java.util.stream.Collectors.joining(", "))));
    }

    public static boolean isCode(String code) {
        return Arrays.stream(values()).anyMatch(n -> n.code.equals(code));
    }

    @Override
    public String toString() {
        return code;
    }
}
