package org.linkwork.notification.inbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** One notification in an in-app inbox: a user's, or one role's within an organisation. */
@Entity
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_event_id")
    public String sourceEventId;

    /** {@code user} or {@code organisation}. */
    @Column(name = "recipient_type")
    public String recipientType;

    /** A username or an organisation code, as {@link #recipientType} says. */
    public String recipient;

    /** For an organisation, the role it is addressed to ({@code referrer} or {@code provider}); null for a user. */
    @Column(name = "recipient_role")
    public String recipientRole;

    @Column(name = "recipient_kind")
    public String recipientKind;

    @Column(name = "referral_id")
    public UUID referralId;

    public String title;

    public String body;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
