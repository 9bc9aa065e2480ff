package org.linkwork.notification.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A partner system's subscription to its organisation's notifications, by rule code. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String organisation;

    public String url;

    /** Comma-separated rule codes. */
    @Column(name = "event_types")
    public String eventTypes;

    /** The HMAC key; shown to the partner once, when the subscription is made. */
    public String secret;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    public List<String> eventTypeList() {
        return Arrays.asList(eventTypes.split(","));
    }

    /** The organisation's live subscriptions to one rule. */
    public static List<WebhookSubscription> listening(String organisation, String ruleCode) {
        return WebhookSubscription.<WebhookSubscription>list("organisation = ?1 and removedAt is null", organisation).stream()
                .filter(s -> s.eventTypeList().contains(ruleCode)).toList();
    }

    @Override
    public String toString() {
        return "WebhookSubscription[" + id + "]";
    }
}
