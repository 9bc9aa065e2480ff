package org.linkwork.matching.team;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.TeamChanged;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * Applies referral-service's team snapshots to the read model, once per event, and brings this
 * instance's view of memberships up to date. The channel's consumer group is this instance's own,
 * so every instance reads every team (see {@link TeamMembers}); the database is written once for
 * all of them, by whichever records the event as processed first.
 */
@ApplicationScoped
public class TeamChangedListener {

    final ProcessedEvents processed;
    final TeamReadModel teams;

    TeamChangedListener(ProcessedEvents processed, TeamReadModel teams) {
        this.processed = processed;
        this.teams = teams;
    }

    @Incoming("team-changed")
    @Blocking
    @Transactional
    public void onTeamChanged(ConsumerRecord<String, String> record) {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (processed.firstDelivery(event)) {
            if (event.isTombstone()) {
                teams.remove(event.key());
            } else {
                teams.apply(event.key(), event.payloadAs(TeamChanged.class));
            }
        }
        teams.refreshView(event.key());
    }
}
