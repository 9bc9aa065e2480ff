package org.linkwork.directory.capacity;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.EventJson;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** Places taken and given back as providers accept activity referrals and those referrals end. */
@ApplicationScoped
public class ActivityReferralListener {

    final ProcessedEvents processed;
    final PlacesLedger places;

    ActivityReferralListener(ProcessedEvents processed, PlacesLedger places) {
        this.processed = processed;
        this.places = places;
    }

    @Incoming("activity-referral-updated")
    @Blocking
    @Transactional
    public void onUpdated(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        ActivityReferralUpdated update = event.payloadAs(ActivityReferralUpdated.class);
        if (update.activityReferralId() == null || update.serviceId() == null || update.status() == null) {
            throw new EventJson.MalformedEventException("activity-referral-updated without activityReferralId, serviceId or status");
        }
        places.apply(update);
    }
}
