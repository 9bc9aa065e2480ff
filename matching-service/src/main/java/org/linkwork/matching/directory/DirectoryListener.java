package org.linkwork.matching.directory;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** Applies the directory's snapshots and deletions to matching's read model. */
@ApplicationScoped
public class DirectoryListener {

    final ProcessedEvents processed;
    final DirectoryReadModel directory;

    DirectoryListener(ProcessedEvents processed, DirectoryReadModel directory) {
        this.processed = processed;
        this.directory = directory;
    }

    @Incoming("directory-service-changed")
    @Blocking
    @Transactional
    public void onServiceChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        if (event.isTombstone()) {
            directory.remove(event.key());
        } else {
            directory.apply(event.key(), event.payloadAs(DirectoryServiceChanged.class));
        }
    }
}
