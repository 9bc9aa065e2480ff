package org.linkwork.notification.webhooks;

import java.util.List;

/** One page of an organisation's webhook delivery log, newest first. */
public record WebhookDeliveryPage(List<WebhookDeliveryView> items, int page, int size, long total) {
}
