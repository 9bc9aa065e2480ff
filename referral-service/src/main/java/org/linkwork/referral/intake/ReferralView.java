package org.linkwork.referral.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.linkwork.referral.Referral;

/** A referral as its care team sees it, person included. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralView(
        UUID id,
        String status,
        String source,
        String personRef,
        Person person,
        List<String> needs,
        String reason,
        String inOwnWords,
        String urgency,
        String referrerOrganization,
        String teamId,
        String linkWorker,
        Instant receivedAt,
        Instant firstContactDue,
        Instant firstContactedAt,
        boolean overdue,
        Instant consentRecordedAt,
        Instant consentWithdrawnAt,
        Instant updatedAt,
        String duplicateOverrideReason) {

    public record Person(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, String postcode,
            String phone, String email, String sex, String ethnicityGroup, String preferredChannel, String language) {
    }

    public static ReferralView of(Referral r) {
        var p = r.person;
        return new ReferralView(r.id, r.status.code(), r.source, p.personRef,
                p.erased() ? null : new Person(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email,
                        p.sex, p.ethnicityGroup, p.preferredChannel, p.language),
                r.needCodes(), r.reason, r.inOwnWords, r.urgency, r.referrerOrganization, r.teamId, r.linkWorker, r.receivedAt,
                r.firstContactDue, r.firstContactedAt, r.overdue(Instant.now()), r.consentRecordedAt, r.consentWithdrawnAt, r.updatedAt,
                r.duplicateOverrideReason);
    }
}
