package org.linkwork.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The idempotent consumer's memory: a row per event id, written in the same transaction as the
 * event's effect. A redelivered event finds its row and is skipped; if the effect rolls back, so does
 * the row, and the redelivery is applied.
 */
@ApplicationScoped
public class ProcessedEvents {

    final EntityManager em;

    ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** True the first time an event id is seen in this service; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(ReceivedEvent event) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, event_type, processed_at) values (:id, :type, now())
                on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .executeUpdate() == 1;
    }
}
