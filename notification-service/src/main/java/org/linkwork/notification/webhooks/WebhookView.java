package org.linkwork.notification.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its organisation sees it; the secret only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(UUID id, String organisation, String url, List<String> eventTypes, String secret, String createdBy,
        Instant createdAt) {

    static WebhookView of(WebhookSubscription s, boolean withSecret) {
        return new WebhookView(s.id, s.organisation, s.url, s.eventTypeList(), withSecret ? s.secret : null, s.createdBy, s.createdAt);
    }
}
