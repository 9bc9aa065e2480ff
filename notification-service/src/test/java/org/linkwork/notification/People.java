package org.linkwork.notification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.PersonContactChanged;
import org.linkwork.events.ReferralAssigned;
import org.linkwork.notification.delivery.Delivery;
import org.linkwork.notification.people.PersonContact;
import org.linkwork.platform.testing.TopicProbe;

/** Test people, with made-up contact details from the ranges kept for drama (07700 900xxx, .test). */
public final class People {

    private People() {
    }

    /** A person of the test's own, and the referral they are on. */
    public record Person(String personRef, String referralId, String email, String mobile) {
    }

    public static Person newPerson() {
        String id = UUID.randomUUID().toString();
        return new Person("p-" + id, UUID.randomUUID().toString(), "person-" + id.substring(0, 8) + "@example.test",
                "07700 9" + String.format("%05d", Math.abs(id.hashCode()) % 100_000));
    }

    public static PersonContactChanged contact(Person p, String channel, String language) {
        return contact(p, channel, language, null, null, false, false);
    }

    public static PersonContactChanged contact(Person p, String channel, String language, String quietStart, String quietEnd,
            boolean optedOut, boolean consentWithdrawn) {
        return new PersonContactChanged(p.personRef(), "Ann Example", p.email(), p.mobile(), channel, language, quietStart, quietEnd,
                optedOut, consentWithdrawn, Instant.now());
    }

    /** Publishes the contact details and waits until this service holds them. */
    public static void knownAs(PersonContactChanged contact) {
        TopicProbe.publish(contact);
        Awaitility.await().atMost(Inboxes.PATIENCE).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            PersonContact stored = PersonContact.findById(contact.personRef());
            return stored != null && !stored.changedAt.isBefore(contact.changedAt().minusMillis(1));
        }));
    }

    public static ReferralAssigned assigned(Person p, String linkWorker, String linkWorkerName) {
        return new ReferralAssigned(p.referralId(), p.personRef(), Inboxes.PRACTICE, linkWorker, linkWorkerName, null, "system",
                Instant.now());
    }

    /** As the first version of the event: without the activity's name. */
    public static ActivityReferralUpdated activity(Person p, String activityReferralId, String status, Instant nextSession) {
        return new ActivityReferralUpdated(activityReferralId, p.referralId(), p.personRef(), "svc-walk", "physical-activity",
                "org-leeds-walking", Inboxes.PRACTICE, "lw.demo", status, null, 0, nextSession, Instant.now());
    }

    /** As referral-service writes it now: naming the activity. */
    public static ActivityReferralUpdated activity(Person p, String activityReferralId, String status, Instant nextSession,
            String serviceName) {
        return new ActivityReferralUpdated(activityReferralId, p.referralId(), p.personRef(), "svc-walk", "physical-activity",
                "org-leeds-walking", Inboxes.PRACTICE, "lw.demo", status, null, 0, nextSession, Instant.now(), serviceName);
    }

    /** The person's deliveries, oldest first. */
    public static List<Delivery> deliveries(Person p) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list("recipient = ?1 order by createdAt", p.personRef()));
    }

    public static List<Delivery> awaitDeliveries(Person p, java.util.function.Predicate<List<Delivery>> done) {
        return Awaitility.await().atMost(Inboxes.PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> deliveries(p), done);
    }
}
