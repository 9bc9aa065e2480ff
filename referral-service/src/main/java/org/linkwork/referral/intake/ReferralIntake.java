package org.linkwork.referral.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralStatus;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.AgeBands;
import org.linkwork.referral.Person;
import org.linkwork.referral.Referral;
import org.linkwork.referral.ReferralSettings;
import org.linkwork.referral.notes.Note;
import org.linkwork.referral.privacy.AuditLog;
import org.linkwork.referral.servicelevel.WorkingDays;
import org.linkwork.referral.team.Assignment;
import org.linkwork.referral.timeline.Timeline;

/**
 * Receives a referral once, whichever way it came: finds or records the person, refuses a
 * pointless duplicate, stores the referral, gives it to a link worker, starts the first-contact
 * clock, and announces it.
 */
@ApplicationScoped
public class ReferralIntake {

    final Outbox outbox;
    final Assignment assignment;
    final WorkingDays workingDays;
    final Timeline timeline;
    final AuditLog audit;
    final ReferralSettings settings;

    ReferralIntake(Outbox outbox, Assignment assignment, WorkingDays workingDays, Timeline timeline, AuditLog audit,
            ReferralSettings settings) {
        this.outbox = outbox;
        this.assignment = assignment;
        this.workingDays = workingDays;
        this.timeline = timeline;
        this.audit = audit;
        this.settings = settings;
    }

    @Transactional
    public Referral receive(Arrival arrival) {
        Instant now = Instant.now();
        Optional<Person> known = arrival.nhsNumber() != null ? Person.findByNhsNumber(arrival.nhsNumber())
                : Person.findByIdentity(arrival.givenName(), arrival.familyName(), arrival.dateOfBirth());
        known.ifPresent(person -> refuseDuplicate(person, arrival, now));

        Person person;
        boolean contactChanged;
        if (known.isPresent() && arrival.selfReferral()) {
            // an anonymous form must not rewrite a known person's details; the link worker checks them
            person = known.get();
            contactChanged = false;
        } else {
            person = known.orElseGet(Person::create);
            contactChanged = update(person, arrival);
            person.persist();
        }

        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.person = person;
        referral.source = arrival.source();
        referral.referrerOrganization = arrival.organisation();
        referral.referrerUsername = arrival.referrer();
        referral.needs = arrival.needs().stream().map(Need::code).distinct().collect(Collectors.joining(","));
        referral.reason = arrival.reason();
        referral.inOwnWords = arrival.inOwnWords();
        referral.urgency = arrival.urgency();
        referral.consentGiven = true;
        referral.consentRecordedAt = arrival.consentRecordedAt();
        referral.status = ReferralStatus.RECEIVED;
        referral.receivedAt = now;
        referral.updatedAt = now;
        referral.firstContactDue = workingDays.firstContactDue(now);
        referral.duplicateOverrideReason = arrival.duplicateOverrideReason();
        referral.persist();

        timeline.add(referral, "received", "Referral received (" + arrival.source() + ")"
                + (arrival.duplicateOverrideReason() == null ? "" : ", referred again despite an open referral"),
                arrival.referrer() == null ? "self-referral" : arrival.referrer(), arrival.selfReferral() ? "self" : "referrer");
        if (known.isPresent() && arrival.selfReferral()) {
            Note.add(referral, "self-referral", "self", "Contact details given with this self-referral (check them with the person): "
                    + describeContact(arrival));
        }
        assignment.onArrival(referral);
        if (arrival.selfReferral()) {
            audit.recordAs("self-referral", "create", referral, null);
        } else {
            // the arrival names who refers: a user, or a partner system whose Task is fetched in the background
            audit.recordAs(arrival.referrer(), org.linkwork.platform.security.Caller.REFERRER, arrival.organisation(), "create", referral,
                    arrival.source());
        }

        outbox.publish(new ReferralCreated(referral.id.toString(), person.personRef, arrival.source(), referral.referrerOrganization,
                referral.needCodes(), referral.urgency, person.postcodeDistrict, AgeBands.of(person.dateOfBirth, LocalDate.now()),
                person.sex, person.ethnicityGroup, null, referral.linkWorker, now, referral.teamId));
        if (contactChanged) {
            outbox.publish(person.contactEvent(false, now));
        }
        return referral;
    }

    private void refuseDuplicate(Person person, Arrival arrival, Instant now) {
        if (arrival.duplicateOverrideReason() != null) {
            return;
        }
        List<Referral> open = Referral.<Referral>list("person = ?1 and receivedAt > ?2 order by receivedAt desc", person,
                now.minus(settings.duplicates().window())).stream().filter(r -> r.status.isOpen()).toList();
        if (open.isEmpty()) {
            return;
        }
        Referral existing = open.get(0);
        boolean same = !arrival.selfReferral() && arrival.organisation() != null && arrival.organisation().equals(existing.referrerOrganization);
        Problem problem = Problem.of("duplicate-referral", "This person already has an open referral", 409,
                same ? "Referral " + existing.id + " for this person is still open (" + existing.status.code()
                        + "). To refer again anyway, send duplicateOverride with a reason."
                        : arrival.selfReferral() ? "You already have an open referral; a link worker will be in touch."
                        : "This person has an open referral from another organisation. To refer again anyway, send duplicateOverride with a reason.",
                List.of());
        // the existing referral is named only to the organisation that can see it
        throw new ProblemException(same ? problem.with("existingReferralId", existing.id.toString()) : problem);
    }

    /** Applies the arrival's details; true when how to reach the person changed. */
    private static boolean update(Person person, Arrival a) {
        String before = contactFingerprint(person);
        if (a.nhsNumber() != null) {
            person.setNhsNumber(a.nhsNumber());
        }
        person.givenName = a.givenName();
        person.familyName = a.familyName();
        if (a.dateOfBirth() != null) {
            person.dateOfBirth = a.dateOfBirth();
        }
        person.refreshIdentityIndex();
        person.postcode = Postcodes.normalise(a.postcode());
        person.postcodeDistrict = Postcodes.districtOf(a.postcode()).orElseThrow();
        if (a.phone() != null) {
            person.phone = a.phone();
        }
        if (a.email() != null) {
            person.email = a.email();
        }
        if (a.sex() != null) {
            person.sex = a.sex();
        }
        if (a.ethnicityGroup() != null) {
            person.ethnicityGroup = a.ethnicityGroup();
        }
        if (a.preferredChannel() != null) {
            person.preferredChannel = a.preferredChannel();
        } else if ("none".equals(person.preferredChannel)) {
            person.preferredChannel = person.mobileOrNull() != null ? "sms" : person.email != null ? "email" : "letter";
        }
        if (a.language() != null) {
            person.language = a.language();
        }
        return !before.equals(contactFingerprint(person));
    }

    private static String contactFingerprint(Person p) {
        return String.join("|", String.valueOf(p.givenName), String.valueOf(p.phone), String.valueOf(p.email),
                String.valueOf(p.preferredChannel), String.valueOf(p.language));
    }

    private static String describeContact(Arrival a) {
        return String.join(", ", java.util.stream.Stream.of(a.phone(), a.email(), Postcodes.normalise(a.postcode()))
                .filter(v -> v != null && !v.isBlank()).toList());
    }
}
