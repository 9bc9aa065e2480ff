package org.linkwork.notification.lifecycle;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ActivityCompleted;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.notification.referrals.ReferralTeam;
import org.linkwork.notification.rules.NotificationRules;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** The person finished their activity: the message back to the referrer, and the follow-up later. */
@ApplicationScoped
public class ActivityCompletedListener {

    final ProcessedEvents processed;
    final NotificationRules rules;
    final Dispatch dispatch;

    ActivityCompletedListener(ProcessedEvents processed, NotificationRules rules, Dispatch dispatch) {
        this.processed = processed;
        this.rules = rules;
        this.dispatch = dispatch;
    }

    @Incoming("activity-completed")
    @Blocking
    @Transactional
    public void onCompleted(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        ActivityCompleted completed = event.payloadAs(ActivityCompleted.class);
        // the event names the referrer itself; one written before it did relies on what earlier events said
        Optional<String> lastHeard = ReferralTeam.of(referralId(completed.referralId())).map(t -> t.referrerOrganization);
        dispatch.send(event.id(), rules.forCompletion(completed, event.id(), lastHeard));
    }

    private static UUID referralId(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new MalformedEventException("referralId is missing or not a UUID");
        }
    }
}
