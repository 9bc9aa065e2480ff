package org.linkwork.outcomes.journey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.Topic;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * Folds replayed records into journeys in memory, with the same fold as the live consumers. Like
 * them it applies an event id once (the first copy, in partition order, as they did), and skips and
 * counts a record they would have sent to a dead-letter topic.
 */
public final class JourneyReplay {

    private final Map<String, ReferralJourney> journeys = new HashMap<>();
    /** Event ids applied, as the live consumers' processed_event: a copy with a seen id is skipped. */
    private final Set<String> applied = new HashSet<>();
    private final Map<String, Long> eventsByTopic = new TreeMap<>();
    private long skipped;
    private long duplicates;

    public void accept(ConsumerRecord<String, String> record) {
        try {
            Topic topic = JourneyTopics.byName(record.topic()).orElseThrow(() -> new MalformedEventException("not a lifecycle topic"));
            ReceivedEvent received = ReceivedEvent.of(record);
            if (applied.contains(received.id())) {
                duplicates++;
                return;
            }
            LinkworkEvent event = received.payloadAs(topic.payloadType());
            String id = JourneyFold.referralIdOf(event).toString();
            ReferralJourney journey = journeys.get(id);
            if (journey == null) {
                // a poison event must not leave an empty journey behind
                journey = new ReferralJourney();
                JourneyFold.apply(journey, event);
                journeys.put(id, journey);
            } else {
                JourneyFold.apply(journey, event);
            }
            applied.add(received.id());
            eventsByTopic.merge(record.topic(), 1L, Long::sum);
        } catch (MalformedEventException e) {
            skipped++;
        }
    }

    public Map<String, ReferralJourney> journeys() {
        return journeys;
    }

    public Map<String, Long> eventsByTopic() {
        return eventsByTopic;
    }

    public long duplicates() {
        return duplicates;
    }

    public long skipped() {
        return skipped;
    }
}
