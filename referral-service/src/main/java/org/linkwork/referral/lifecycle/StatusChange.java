package org.linkwork.referral.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a referral's lifecycle: who moved it, when, from what to what, and why. */
@Entity
@Table(name = "status_change")
public class StatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_role")
    public String changedRole;

    @Column(name = "reason_code")
    public String reasonCode;

    /** Why, in words: stays in this service, never in an event. */
    public String comment;

    @Column(name = "changed_at")
    public Instant changedAt;
}
