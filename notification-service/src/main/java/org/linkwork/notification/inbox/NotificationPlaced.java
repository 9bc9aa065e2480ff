package org.linkwork.notification.inbox;

import org.linkwork.notification.rules.Recipient;

/** A notification was placed in an inbox (observed after its transaction commits). */
public record NotificationPlaced(Recipient recipient, NotificationView view) {
}
