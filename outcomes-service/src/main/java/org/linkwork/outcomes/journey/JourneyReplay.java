package org.linkwork.outcomes.journey;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.Topic;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * Folds replayed records into journeys in memory, with the same fold as the live consumers. Like
 * them it applies an event id once (the first copy, in partition order, as they did), and skips and
 * counts a record they would have sent to a dead-letter topic.
 *
 * <p>Safe for several threads at once, as long as each partition is read by one thread in order
 * (copies of an event share its key, so its partition): folds are joins, so the order between
 * partitions does not matter, and each journey is folded under its own lock.
 */
public final class JourneyReplay {

    private final Map<String, ReferralJourney> journeys = new ConcurrentHashMap<>();
    /** Event ids applied, as the live consumers' processed_event: a copy with a seen id is skipped. */
    private final Set<String> applied = ConcurrentHashMap.newKeySet();
    private final Map<String, LongAdder> eventsByTopic = new ConcurrentHashMap<>();
    private final LongAdder skipped = new LongAdder();
    private final LongAdder duplicates = new LongAdder();

    public void accept(ConsumerRecord<String, String> record) {
        try {
            Topic topic = JourneyTopics.byName(record.topic()).orElseThrow(() -> new MalformedEventException("not a lifecycle topic"));
            ReceivedEvent received = ReceivedEvent.of(record);
            if (applied.contains(received.id())) {
                duplicates.increment();
                return;
            }
            LinkworkEvent event = received.payloadAs(topic.payloadType());
            String id = JourneyFold.referralIdOf(event).toString();
            ReferralJourney journey = journeys.get(id);
            if (journey == null) {
                // a poison event must not leave an empty journey behind: fold into a fresh one first
                ReferralJourney fresh = new ReferralJourney();
                JourneyFold.apply(fresh, event);
                journey = journeys.putIfAbsent(id, fresh);
                if (journey != null) {
                    synchronized (journey) {
                        JourneyFold.apply(journey, event);
                    }
                }
            } else {
                synchronized (journey) {
                    JourneyFold.apply(journey, event);
                }
            }
            applied.add(received.id());
            eventsByTopic.computeIfAbsent(record.topic(), t -> new LongAdder()).increment();
        } catch (MalformedEventException e) {
            skipped.increment();
        }
    }

    public Map<String, ReferralJourney> journeys() {
        return journeys;
    }

    public Map<String, Long> eventsByTopic() {
        Map<String, Long> counts = new TreeMap<>();
        eventsByTopic.forEach((topic, n) -> counts.put(topic, n.sum()));
        return counts;
    }

    public long duplicates() {
        return duplicates.sum();
    }

    public long skipped() {
        return skipped.sum();
    }
}
