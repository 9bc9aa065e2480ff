package org.linkwork.outcomes.lifecycle;

import static org.linkwork.outcomes.Lifecycle.created;
import static org.linkwork.outcomes.Lifecycle.moved;
import static org.linkwork.outcomes.Lifecycle.newPractice;
import static org.linkwork.outcomes.Lifecycle.newReferralId;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linkwork.events.EventJson;
import org.linkwork.events.Topic;
import org.linkwork.outcomes.Kpis;
import org.linkwork.platform.testing.LinkworkTestResources;
import org.linkwork.platform.testing.TopicProbe;

/** A record that cannot be applied goes to this service's dead-letter topic, and the next one is applied. */
@QuarkusTest
@WithTestResource(LinkworkTestResources.class)
class PoisonMessageTest {

    @Test
    void poisonOnEitherTopicGoesToItsDeadLetterTopicAndTheConsumersKeepGoing() {
        String practice = newPractice();
        String id = newReferralId();
        Instant now = Instant.now();

        String notJson = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_CREATED, "broken", "{this is not json", notJson);
        String notAUuid = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_CREATED, "broken", EventJson.write(created("not-a-uuid", practice, now)), notAUuid);
        String unknownStatus = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, id,
                EventJson.write(moved(id, practice, "received", "teleported", now)), unknownStatus);
        String noTime = UUID.randomUUID().toString();
        TopicProbe.publish(Topic.REFERRAL_STATUS_CHANGED, id,
                EventJson.write(moved(id, practice, "received", "accepted", null)), noTime);

        awaitDeadLetters("referral-created.dlq.outcomes-service", Set.of(notJson, notAUuid));
        awaitDeadLetters("referral-status-changed.dlq.outcomes-service", Set.of(unknownStatus, noTime));

        TopicProbe.publish(created(id, practice, now));
        TopicProbe.publish(moved(id, practice, "received", "contacted", now.plusSeconds(60)));
        Kpis.awaitPractice(practice, Map.of("contacted", 1));
    }

    private static void awaitDeadLetters(String topic, Set<String> eventIds) {
        TopicProbe.awaitRecords(List.of(topic), seen -> seen.stream().map(r -> TopicProbe.header(r, "ce_id"))
                .collect(Collectors.toSet()).containsAll(eventIds), Kpis.PATIENCE);
    }
}
