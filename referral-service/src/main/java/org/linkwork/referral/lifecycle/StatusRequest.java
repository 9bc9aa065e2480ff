package org.linkwork.referral.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A hand-made status change.
 *
 * @param reasonCode a coded reason, required for the exits (e.g. {@code person-declined}, {@code not-appropriate})
 * @param comment why, in words (kept in this service only)
 */
public record StatusRequest(
        @NotBlank String status,
        @Size(max = 50) @Pattern(regexp = "^[a-z0-9][a-z0-9-]*$", message = "a lower-case code, e.g. person-declined") String reasonCode,
        @Size(max = 1000) String comment) {
}
