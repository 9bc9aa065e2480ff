package org.linkwork.referral.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.linkwork.referral.Referral;

/** A referral as its care team sees it, person included. */
public record ReferralView(
        UUID id,
        String status,
        String personRef,
        Person person,
        List<String> needs,
        String reason,
        String urgency,
        String referrerOrganization,
        String linkWorker,
        Instant receivedAt,
        Instant updatedAt) {

    public record Person(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, String postcode,
            String phone, String email) {
    }

    public static ReferralView of(Referral r) {
        var p = r.person;
        return new ReferralView(r.id, r.status.code(), p.personRef,
                new Person(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email),
                r.needCodes(), r.reason, r.urgency, r.referrerOrganization, r.linkWorker, r.receivedAt, r.updatedAt);
    }
}
