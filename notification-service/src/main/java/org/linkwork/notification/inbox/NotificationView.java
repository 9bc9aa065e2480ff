package org.linkwork.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/** A notification as its recipient sees it. */
public record NotificationView(UUID id, String title, String body, UUID referralId, Instant createdAt, boolean read) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.title, n.body, n.referralId, n.createdAt, n.readAt != null);
    }
}
