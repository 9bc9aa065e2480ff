package org.linkwork.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * One message leaving by e-mail, SMS or webhook, from planned to its end. It names a person only by
 * {@code personRef}; their address is looked up when it is sent.
 */
@Entity
public class Delivery extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String SUPPRESSED = "suppressed";
    public static final String CANCELLED = "cancelled";

    public static final String TO_PERSON = "person";
    public static final String TO_SUBSCRIPTION = "subscription";

    @Id
    public UUID id;

    @Column(name = "dedup_key")
    public String dedupKey;

    @Column(name = "source_event_id")
    public String sourceEventId;

    /** A {@code Rule} code. */
    public String rule;

    @Column(name = "recipient_kind")
    public String recipientKind;

    @Column(name = "recipient_type")
    public String recipientType;

    /** A personRef, or a webhook subscription's id. */
    public String recipient;

    /** A webhook's organisation, for its delivery log. */
    public String organisation;

    /** {@code preferred}, {@code email}, {@code sms} or {@code webhook}. */
    public String channel;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "subject_key")
    public String subjectKey;

    /** JSON: template details for a person, or the body of a webhook. */
    public String content;

    public String status;

    public int attempts;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "sent_via")
    public String sentVia;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean toPerson() {
        return TO_PERSON.equals(recipientType);
    }
}
