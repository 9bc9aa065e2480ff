package org.linkwork.referral.loop;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An activity referral as its care team or its provider sees it. The provider's view carries
 * {@code person} (the minimum, while open) and never the reason in words; the care team's carries
 * the reason and no person (they have the referral).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityReferralView(
        UUID id,
        UUID referralId,
        String serviceId,
        String serviceName,
        String activityType,
        String providerOrganization,
        String requester,
        String status,
        String statusReasonCode,
        String statusReason,
        boolean shareContact,
        int sessionsAttended,
        Instant nextSessionAt,
        Instant requestedAt,
        Instant startedAt,
        Instant endedAt,
        Instant updatedAt,
        long version,
        ProviderPerson person,
        List<String> allowed) {

    public static ActivityReferralView forCareTeam(ActivityReferral a, List<String> allowed) {
        return of(a, a.statusReasonText, null, allowed);
    }

    public static ActivityReferralView forProvider(ActivityReferral a, ProviderPerson person, List<String> allowed) {
        return of(a, null, person, allowed);
    }

    private static ActivityReferralView of(ActivityReferral a, String statusReason, ProviderPerson person, List<String> allowed) {
        return new ActivityReferralView(a.id, a.referralId, a.serviceId, a.serviceName, a.activityType, a.providerOrganization,
                a.requester, a.status.code(), a.statusReasonCode, statusReason, a.shareContact, a.sessionsAttended,
                a.nextSessionAt, a.requestedAt, a.startedAt, a.endedAt, a.updatedAt, a.version, person, allowed);
    }
}
