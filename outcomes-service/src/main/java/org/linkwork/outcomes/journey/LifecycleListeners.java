package org.linkwork.outcomes.journey;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.Topic;
import org.linkwork.platform.inbox.ProcessedEvents;
import org.linkwork.platform.inbox.ReceivedEvent;

/**
 * One consumer per lifecycle topic, each folding its events into the referral's journey, once per
 * event id. A record that cannot be applied goes to {@code <topic>.dlq.outcomes-service}.
 */
@ApplicationScoped
public class LifecycleListeners {

    final ProcessedEvents processed;
    final JourneyStore journeys;

    LifecycleListeners(ProcessedEvents processed, JourneyStore journeys) {
        this.processed = processed;
        this.journeys = journeys;
    }

    @Incoming("referral-created") @Blocking @Transactional
    public void referralCreated(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("referral-status-changed") @Blocking @Transactional
    public void referralStatusChanged(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("referral-assigned") @Blocking @Transactional
    public void referralAssigned(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("referral-overdue") @Blocking @Transactional
    public void referralOverdue(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("referral-assessed") @Blocking @Transactional
    public void referralAssessed(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("activity-referral-updated") @Blocking @Transactional
    public void activityReferralUpdated(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("activity-completed") @Blocking @Transactional
    public void activityCompleted(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("match-proposed") @Blocking @Transactional
    public void matchProposed(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("match-feedback") @Blocking @Transactional
    public void matchFeedback(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming("outcome-recorded") @Blocking @Transactional
    public void outcomeRecorded(ConsumerRecord<String, String> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, String> record) {
        Topic topic = JourneyTopics.byName(record.topic())
                .orElseThrow(() -> new MalformedEventException("not a lifecycle topic"));
        ReceivedEvent event = ReceivedEvent.of(record);
        if (!processed.firstDelivery(event)) {
            return;
        }
        journeys.apply(event.payloadAs(topic.payloadType()));
    }
}
