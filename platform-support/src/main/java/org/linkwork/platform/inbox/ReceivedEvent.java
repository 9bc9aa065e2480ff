package org.linkwork.platform.inbox;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.linkwork.events.EventJson;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.Topic;

/** A CloudEvent read from Kafka: envelope from the headers, payload from the value. */
public record ReceivedEvent(String id, String type, String source, String subject, String key, String payload) {

    public static ReceivedEvent of(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id == null || id.isBlank()) {
            throw new EventJson.MalformedEventException("record on " + record.topic() + " has no ce_id header");
        }
        return new ReceivedEvent(id, header(record, "ce_type"), header(record, "ce_source"),
                header(record, "ce_subject"), record.key(), record.value());
    }

    public boolean isTombstone() {
        return payload == null;
    }

    /** The payload as the record the topic carries; checks that the CloudEvents type matches. */
    public <T extends LinkworkEvent> T payloadAs(Class<T> type) {
        Topic topic = Topic.forPayload(type).orElseThrow();
        if (this.type != null && !topic.eventType().equals(this.type)) {
            throw new EventJson.MalformedEventException("expected " + topic.eventType() + " but got " + this.type);
        }
        return EventJson.read(payload, type);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
