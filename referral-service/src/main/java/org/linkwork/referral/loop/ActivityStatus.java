package org.linkwork.referral.loop;

import java.util.Arrays;
import java.util.Optional;

/**
 * An activity referral's status: the FHIR task statuses the SDOH Clinical Care (Gravity) guide uses
 * for referral management, so a provider's FHIR client and the JSON API speak the same codes.
 */
public enum ActivityStatus {
    REQUESTED("requested"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    IN_PROGRESS("in-progress"),
    ON_HOLD("on-hold"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String code;

    ActivityStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Still to be delivered or being delivered. */
    public boolean isOpen() {
        return this == REQUESTED || this == ACCEPTED || this == IN_PROGRESS || this == ON_HOLD;
    }

    public static Optional<ActivityStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }
}
