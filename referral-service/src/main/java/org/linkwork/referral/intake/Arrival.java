package org.linkwork.referral.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linkwork.events.Need;

/**
 * A referral on its way in, whichever door it came through (JSON, FHIR, self-referral), already
 * validated. {@code nhsNumber} and {@code dateOfBirth} may be null only for a self-referral.
 */
public record Arrival(
        String source,
        String organisation,
        String referrer,
        String nhsNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String postcode,
        String phone,
        String email,
        String sex,
        String ethnicityGroup,
        String preferredChannel,
        String language,
        List<Need> needs,
        String reason,
        String inOwnWords,
        String urgency,
        Instant consentRecordedAt,
        String duplicateOverrideReason) {

    boolean selfReferral() {
        return "self".equals(source);
    }
}
