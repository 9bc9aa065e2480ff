package org.linkwork.events;

import java.time.Instant;

/** A notification could not be delivered after its last try. */
public record NotificationFailed(
        String notificationId,
        String sourceEventId,
        String referralId,
        String recipientKind,
        String channel,
        String failureCode,
        int attempts,
        Instant failedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return notificationId;
    }
}
