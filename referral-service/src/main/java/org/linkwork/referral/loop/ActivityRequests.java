package org.linkwork.referral.loop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What callers send about activity referrals. */
public final class ActivityRequests {

    private static final String CODE = "^[a-z0-9][a-z0-9-]*$";

    private ActivityRequests() {
    }

    /**
     * A link worker sends an activity referral for one of the activities proposed for the referral.
     *
     * @param activityType the service's main activity type (taxonomy code), for reporting by type
     * @param shareContact the person agreed the provider may phone them
     * @param nextSessionAt the first session, if already agreed with the person
     */
    public record Send(
            @NotBlank @Size(max = 100) String serviceId,
            @Size(max = 50) @Pattern(regexp = CODE, message = "a lower-case code, e.g. walking") String activityType,
            Boolean shareContact,
            Instant nextSessionAt) {
    }

    /**
     * A change of status.
     *
     * @param reasonCode needed for rejected, cancelled and failed (e.g. no-capacity, person-unreachable)
     * @param comment why, in words; stays in this service
     * @param nextSessionAt the next session booked, e.g. when accepting
     */
    public record Move(
            @NotBlank String status,
            @Size(max = 50) @Pattern(regexp = CODE, message = "a lower-case code, e.g. no-capacity") String reasonCode,
            @Size(max = 500) String comment,
            Instant nextSessionAt) {
    }

    /** One session: attended or missed, and when the next one is, if booked. */
    public record Attendance(@NotNull Instant sessionAt, @NotNull Boolean attended, Instant nextSessionAt) {
    }
}
