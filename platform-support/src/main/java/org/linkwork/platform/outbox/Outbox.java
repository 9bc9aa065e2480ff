package org.linkwork.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.linkwork.events.EventJson;
import org.linkwork.events.LinkworkEvent;
import org.linkwork.events.Topic;
import org.linkwork.platform.transaction.AfterCommit;

/**
 * The transactional outbox: an event is written as a row in the same database transaction as the
 * state change it describes, and the {@link OutboxRelay} sends it to Kafka once that transaction has
 * committed. A rolled-back change therefore never leaks an event, and a committed one never loses it.
 */
@ApplicationScoped
public class Outbox {

    final EntityManager em;
    final AfterCommit afterCommit;
    final OutboxRelay relay;

    Outbox(EntityManager em, AfterCommit afterCommit, OutboxRelay relay) {
        this.em = em;
        this.afterCommit = afterCommit;
        this.relay = relay;
    }

    /** Records the event in the caller's transaction; returns its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(LinkworkEvent event) {
        Topic topic = Topic.forPayload(event.getClass())
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + event.getClass().getName()));
        return insert(topic, event.aggregateId(), EventJson.write(event));
    }

    /** Records a tombstone (null value) for a compacted topic: the aggregate is gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publishTombstone(Topic topic, String aggregateId) {
        return insert(topic, aggregateId, null);
    }

    private String insert(Topic topic, String key, String payload) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into outbox_event (id, topic, event_key, event_type, payload, occurred_at)
                values (:id, :topic, :key, :type, :payload, :at)""")
                .setParameter("id", id)
                .setParameter("topic", topic.topicName())
                .setParameter("key", key)
                .setParameter("type", topic.eventType())
                .setParameter("payload", payload)
                .setParameter("at", Timestamp.from(Instant.now()))
                .executeUpdate();
        wakeRelayAfterCommit();
        return id.toString();
    }

    /**
     * Has the relay sent the caller's transaction's rows as soon as it commits, for a service that
     * writes many outbox rows at once itself (same table and columns) rather than one per call.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wakeRelayAfterCommit() {
        // one wake-up per transaction is enough
        afterCommit.once(Outbox.class, relay::wake);
    }
}
