package org.linkwork.notification.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.linkwork.notification.delivery.Delivery;

/**
 * One webhook delivery in an organisation's log.
 *
 * @param status pending, sent, failed (the dead letter, after the last try) or cancelled
 * @param lastError a code: http-503, timeout, unreachable
 * @param nextAttemptAt when a pending delivery is tried next
 */
public record WebhookDeliveryView(UUID id, UUID subscriptionId, String eventType, UUID referralId, String status, int attempts,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant completedAt) {

    static WebhookDeliveryView of(Delivery d) {
        return new WebhookDeliveryView(d.id, UUID.fromString(d.recipient), d.rule, d.referralId, d.status, d.attempts, d.lastError,
                d.createdAt, Delivery.PENDING.equals(d.status) ? d.dueAt : null, d.completedAt);
    }
}
