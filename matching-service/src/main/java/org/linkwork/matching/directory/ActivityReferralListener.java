package org.linkwork.matching.directory;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** Places taken and given back by activity referrals, so proposals do not offer a full activity. */
@ApplicationScoped
public class ActivityReferralListener {

    final ProcessedEvents processed;
    final PlacesTaken placesTaken;
    final DirectoryReadModel directory;

    ActivityReferralListener(ProcessedEvents processed, PlacesTaken placesTaken, DirectoryReadModel directory) {
        this.processed = processed;
        this.placesTaken = placesTaken;
        this.directory = directory;
    }

    @Incoming("activity-referral-updated")
    @Blocking
    @Transactional
    public void onActivityReferralUpdated(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        ActivityReferralUpdated update = event.payloadAs(ActivityReferralUpdated.class);
        if (placesTaken.record(update)) {
            directory.recountPlaces(update.serviceId());
        }
    }
}
