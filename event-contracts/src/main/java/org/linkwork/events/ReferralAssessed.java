package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * A link worker recorded (or revised) a "what matters to you" assessment. Everything is coded:
 * needs from {@code urn:linkwork:need}, the rest from {@link Vocabulary}, and a postcode district
 * for place. Goals in the person's own words stay in referral-service; only their need areas
 * travel.
 *
 * @param goalAreas the needs the person's goals address
 * @param reassessment true when this replaces an earlier assessment of the same referral
 * @param teamId the link-worker team the referral is with, whose members may read its proposals
 */
public record ReferralAssessed(
        String referralId,
        String personRef,
        String referrerOrganization,
        String linkWorker,
        List<String> needs,
        List<String> goalAreas,
        List<String> interests,
        Preferences preferences,
        List<String> healthConditions,
        List<String> accessibilityRequirements,
        String digitalAccess,
        Travel travel,
        boolean costSensitive,
        String ageBand,
        boolean reassessment,
        Instant assessedAt,
        String teamId) implements LinkworkEvent {

    /** The first version's fields, for events and tests written before the team was carried. */
    public ReferralAssessed(String referralId, String personRef, String referrerOrganization, String linkWorker, List<String> needs,
            List<String> goalAreas, List<String> interests, Preferences preferences, List<String> healthConditions,
            List<String> accessibilityRequirements, String digitalAccess, Travel travel, boolean costSensitive, String ageBand,
            boolean reassessment, Instant assessedAt) {
        this(referralId, personRef, referrerOrganization, linkWorker, needs, goalAreas, interests, preferences, healthConditions,
                accessibilityRequirements, digitalAccess, travel, costSensitive, ageBand, reassessment, assessedAt, null);
    }

    /**
     * @param setting {@code group}, {@code one-to-one} or {@code either}
     * @param language BCP 47 language the person prefers to take part in, e.g. {@code en}, {@code cy}
     */
    public record Preferences(
            List<String> deliveryModes,
            List<String> days,
            List<String> timesOfDay,
            String setting,
            String language) {
    }

    /**
     * @param postcodeDistrict outward part of the person's postcode, never the full postcode
     * @param maxTravelKm how far the person can travel, null when not stated
     * @param publicTransportOnly true when the person depends on public transport
     */
    public record Travel(String postcodeDistrict, Double maxTravelKm, boolean publicTransportOnly) {
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
