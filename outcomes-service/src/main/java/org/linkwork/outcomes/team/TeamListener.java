package org.linkwork.outcomes.team;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.TeamChanged;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * Keeps {@link TeamMemberships} from {@code team-changed}, once per event id. A record that cannot
 * be applied goes to {@code team-changed.dlq.outcomes-service}.
 */
@ApplicationScoped
public class TeamListener {

    final ProcessedEvents processed;
    final TeamMemberships teams;

    TeamListener(ProcessedEvents processed, TeamMemberships teams) {
        this.processed = processed;
        this.teams = teams;
    }

    @Incoming("team-changed") @Blocking @Transactional
    public void teamChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        if (event.isTombstone()) {
            teams.remove(record.key());
            return;
        }
        teams.apply(record.key(), event.payloadAs(TeamChanged.class));
    }
}
