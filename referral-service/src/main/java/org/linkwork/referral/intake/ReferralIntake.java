package org.linkwork.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.AgeBands;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;

/** Receives a referral once: finds or records the person, stores the referral, announces it. */
@ApplicationScoped
public class ReferralIntake {

    final Outbox outbox;

    ReferralIntake(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional
    public Referral receive(NewReferral request, String source, String organisation, String referrer) {
        Person person = upsertPerson(request.person());
        Instant now = Instant.now();
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.person = person;
        referral.source = source;
        referral.referrerOrganization = organisation;
        referral.referrerUsername = referrer;
        referral.needs = request.needs().stream().map(Need::code).distinct().collect(Collectors.joining(","));
        referral.reason = request.reason();
        referral.urgency = request.urgencyOrRoutine().name();
        referral.consentGiven = request.consent().given();
        referral.consentRecordedAt = request.consent().recordedAt();
        referral.status = ReferralStatus.RECEIVED;
        referral.receivedAt = now;
        referral.updatedAt = now;
        referral.persist();

        outbox.publish(new ReferralCreated(referral.id.toString(), person.personRef, source, organisation,
                referral.needCodes(), referral.urgency, Postcodes.districtOf(person.postcode).orElseThrow(),
                AgeBands.of(person.dateOfBirth, LocalDate.now()), null, null, null, referral.linkWorker, now));
        return referral;
    }

    private static Person upsertPerson(NewReferral.Person details) {
        String nhsNumber = details.nhsNumber().replace(" ", "");
        Person person = Person.findByNhsNumber(nhsNumber).orElseGet(Person::create);
        person.nhsNumber = nhsNumber;
        person.givenName = details.givenName().strip();
        person.familyName = details.familyName().strip();
        person.dateOfBirth = details.dateOfBirth();
        person.postcode = Postcodes.normalise(details.postcode());
        person.phone = details.phone();
        person.email = details.email();
        person.persist();
        return person;
    }
}
