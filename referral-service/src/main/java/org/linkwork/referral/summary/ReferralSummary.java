package org.linkwork.referral.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The message back to the referrer: where the referral stands, how it ended, which activities the
 * person took up, and (while the person's consent stands) how their wellbeing scores changed.
 *
 * @param outcome {@code open}, {@code completed}, {@code closed}, {@code declined}, {@code not-appropriate},
 *        {@code unable-to-contact} or {@code withdrawn}
 * @param code SNOMED CT: 871731000000106 referral to social prescribing service, or 871711000000103
 *        social prescribing declined
 * @param wellbeing null when consent was withdrawn; empty when no measures are recorded yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralSummary(
        UUID referralId,
        String status,
        String outcome,
        String outcomeReasonCode,
        Code code,
        Instant receivedAt,
        Instant updatedAt,
        boolean consentActive,
        List<Activity> activities,
        List<Wellbeing> wellbeing) {

    public record Code(String system, String code, String display) {
    }

    /**
     * @param takenUp the person started it
     * @param procedures the FHIR Procedures recording what was done, as {@code Procedure/{id}}
     */
    public record Activity(UUID activityReferralId, String serviceName, String providerOrganization, String status,
            String statusReasonCode, boolean takenUp, int sessionsAttended, Instant startedAt, Instant endedAt, List<String> procedures) {
    }

    /** One instrument's first baseline and latest later score set, and the change in each score both have. */
    public record Wellbeing(String instrument, Instant baselineAt, Map<String, Double> baseline, Instant latestAt,
            Map<String, Double> latest, Map<String, Double> change) {
    }
}
