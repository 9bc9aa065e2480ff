package org.linkwork.events;

import java.time.Instant;

/**
 * A notification reached its channel.
 *
 * @param recipientKind {@code referrer}, {@code link-worker}, {@code provider} or {@code person}
 * @param channel {@code inbox}, {@code email}, {@code sms} or {@code webhook}
 */
public record NotificationDelivered(
        String notificationId,
        String sourceEventId,
        String referralId,
        String recipientKind,
        String channel,
        Instant deliveredAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
