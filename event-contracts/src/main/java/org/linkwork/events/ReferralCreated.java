package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * A referral arrived. Analytics-safe: the person appears only as {@code personRef}, the place only
 * as a postcode district, the age only as a band, and sex, ethnicity and deprivation only as
 * coarse codes (each may be null when the referral did not carry it).
 *
 * @param source how it arrived: {@code api}, {@code fhir} or {@code self}
 * @param referrerOrganization the referring organisation (GP practice ODS code); null for self-referral
 * @param linkWorker username of the link worker it was assigned to, if any
 * @param sex one of {@link Vocabulary#SEXES}
 * @param ethnicityGroup one of {@link Vocabulary#ETHNICITY_GROUPS}
 * @param deprivationDecile Index of Multiple Deprivation decile of the person's area, 1 (most deprived) to 10
 * @param teamId the link-worker team that serves the referral, null when none does; absent from events written before
 *               teams were carried
 */
public record ReferralCreated(
        String referralId,
        String personRef,
        String source,
        String referrerOrganization,
        List<String> needs,
        String urgency,
        String postcodeDistrict,
        String ageBand,
        String sex,
        String ethnicityGroup,
        Integer deprivationDecile,
        String linkWorker,
        Instant receivedAt,
        String teamId) implements LinkworkEvent {

    /** The first version's fields, for events and tests written before the team was carried. */
    public ReferralCreated(String referralId, String personRef, String source, String referrerOrganization, List<String> needs,
            String urgency, String postcodeDistrict, String ageBand, String sex, String ethnicityGroup, Integer deprivationDecile,
            String linkWorker, Instant receivedAt) {
        this(referralId, personRef, source, referrerOrganization, needs, urgency, postcodeDistrict, ageBand, sex, ethnicityGroup,
                deprivationDecile, linkWorker, receivedAt, null);
    }

    @Override
    public String aggregateId() {
        return referralId;
    }
}
