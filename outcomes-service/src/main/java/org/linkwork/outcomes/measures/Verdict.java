package org.linkwork.outcomes.measures;

/** Whether a change between baseline and follow-up is meaningful, and which way. */
public enum Verdict {
    IMPROVED("improved"),
    NO_MEANINGFUL_CHANGE("no-meaningful-change"),
    WORSENED("worsened");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
