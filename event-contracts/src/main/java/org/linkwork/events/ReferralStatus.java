package org.linkwork.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The referral statuses of the brief, in lifecycle order, exits last: the codes that
 * {@code referral-status-changed} carries. Change them only with a reason in the docs.
 */
public enum ReferralStatus {
    RECEIVED("received"),
    ACCEPTED("accepted"),
    CONTACTED("contacted"),
    ASSESSED("assessed"),
    MATCHED("matched"),
    IN_ACTIVITY("in-activity"),
    COMPLETED("completed"),
    CLOSED("closed"),
    DECLINED("declined"),
    REJECTED("rejected"),
    UNABLE_TO_CONTACT("unable-to-contact"),
    WITHDRAWN("withdrawn");

    private final String code;

    ReferralStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Still being worked on: not closed and not one of the exits. */
    public boolean isOpen() {
        return ordinal() < CLOSED.ordinal();
    }

    /** Before the person has been reached: the first-contact service level still runs. */
    public boolean awaitsFirstContact() {
        return this == RECEIVED || this == ACCEPTED;
    }

    public static Optional<ReferralStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
