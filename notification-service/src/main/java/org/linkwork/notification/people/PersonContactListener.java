package org.linkwork.notification.people;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.PersonContactChanged;
import org.linkwork.notification.delivery.Deliveries;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * Keeps each person's contact details and preferences as referral-service last published them. A
 * tombstone forgets the person: their details go, and so does anything still waiting to be sent to them.
 */
@ApplicationScoped
public class PersonContactListener {

    static final Set<String> CHANNELS = Set.of("email", "sms", "letter", "none");

    final ProcessedEvents processed;
    final Deliveries deliveries;

    PersonContactListener(ProcessedEvents processed, Deliveries deliveries) {
        this.processed = processed;
        this.deliveries = deliveries;
    }

    @Incoming("person-contact-changed")
    @Blocking
    @Transactional
    public void onContactChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        if (event.isTombstone()) {
            if (event.key() == null || event.key().isBlank()) {
                throw new MalformedEventException("person-contact-changed tombstone without a key");
            }
            PersonContact.deleteById(event.key());
            deliveries.cancelForPerson(event.key(), "person-forgotten");
            return;
        }
        PersonContactChanged change = event.payloadAs(PersonContactChanged.class);
        apply(change);
        if (change.optedOut() || change.consentWithdrawn()) {
            deliveries.cancelForPerson(change.personRef(), change.consentWithdrawn() ? "consent-withdrawn" : "opted-out");
        }
    }

    private static void apply(PersonContactChanged change) {
        if (change.personRef() == null || change.personRef().isBlank() || change.changedAt() == null) {
            throw new MalformedEventException("person-contact-changed without personRef or changedAt");
        }
        PersonContact contact = PersonContact.findById(change.personRef());
        if (contact == null) {
            contact = new PersonContact();
            contact.personRef = change.personRef();
        } else if (contact.changedAt.isAfter(change.changedAt())) {
            return; // an older change arriving late: the newer one stands
        }
        String channel = change.preferredChannel() == null ? "none" : change.preferredChannel().toLowerCase(Locale.ROOT);
        if (!CHANNELS.contains(channel)) {
            throw new MalformedEventException("person-contact-changed with an unknown preferredChannel");
        }
        contact.displayName = change.displayName();
        contact.email = change.email();
        contact.mobilePhone = change.mobilePhone();
        contact.preferredChannel = channel;
        contact.language = change.language() == null || change.language().isBlank() ? "en" : change.language();
        contact.quietHoursStart = time(change.quietHoursStart());
        contact.quietHoursEnd = time(change.quietHoursEnd());
        contact.optedOut = change.optedOut();
        contact.consentWithdrawn = change.consentWithdrawn();
        contact.changedAt = change.changedAt();
        contact.persist();
    }

    private static LocalTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("person-contact-changed with quiet hours that are not HH:mm");
        }
    }
}
