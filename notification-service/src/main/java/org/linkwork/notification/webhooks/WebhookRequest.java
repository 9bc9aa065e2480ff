package org.linkwork.notification.webhooks;

import java.util.List;

/**
 * A new subscription.
 *
 * @param url where to post (https; plain http only where {@code linkwork.webhooks.allow-plain-http} is on)
 * @param eventTypes rule codes addressed to organisations, e.g. {@code referral-updated}
 */
public record WebhookRequest(String url, List<String> eventTypes) {
}
