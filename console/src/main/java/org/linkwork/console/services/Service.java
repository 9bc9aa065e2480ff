package org.linkwork.console.services;

/** The five services the console calls, by the part of the page each one feeds. */
public enum Service {
    REFERRAL("referrals"),
    DIRECTORY("the directory"),
    MATCHING("matching"),
    OUTCOMES("wellbeing measures"),
    NOTIFICATION("notifications");

    private final String part;

    Service(String part) {
        this.part = part;
    }

    /** What a person would call this part of the console, for "… is unavailable". */
    public String part() {
        return part;
    }
}
