package org.linkwork.referral.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.OutcomeRecorded;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/** Keeps the wellbeing scores outcomes-service records for a referral (scores only), for the message back to the referrer. */
@ApplicationScoped
public class OutcomeRecordedListener {

    final ProcessedEvents processed;
    final ObjectMapper json;

    OutcomeRecordedListener(ProcessedEvents processed, ObjectMapper json) {
        this.processed = processed;
        this.json = json;
    }

    @Incoming("outcome-recorded")
    @Blocking
    @Transactional
    public void onOutcomeRecorded(ConsumerRecord<String, String> record) throws JsonProcessingException {
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        OutcomeRecorded outcome = event.payloadAs(OutcomeRecorded.class);
        UUID referralId = UUID.fromString(outcome.referralId());
        if (outcome.measureId() == null || outcome.instrument() == null || outcome.scores() == null) {
            throw new IllegalArgumentException("outcome-recorded without measureId, instrument or scores");
        }
        Panache.getEntityManager().createNativeQuery("""
                insert into wellbeing_score (measure_id, referral_id, instrument, timepoint, scores, recorded_at)
                values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (measure_id) do nothing""")
                .setParameter(1, outcome.measureId()).setParameter(2, referralId).setParameter(3, outcome.instrument())
                .setParameter(4, outcome.timepoint() == null ? "unspecified" : outcome.timepoint())
                .setParameter(5, json.writeValueAsString(outcome.scores()))
                .setParameter(6, Timestamp.from(outcome.recordedAt() == null ? Instant.now() : outcome.recordedAt())).executeUpdate();
    }
}
