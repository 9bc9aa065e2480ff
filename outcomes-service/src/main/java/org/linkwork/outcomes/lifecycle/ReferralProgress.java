package org.linkwork.outcomes.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.linkwork.events.ReferralStatus;

/**
 * Where one referral is now, as the lifecycle events tell it. Written only by
 * {@link ProgressProjection}; read by the KPIs.
 */
@Entity
@Table(name = "referral_progress")
public class ReferralProgress extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    public ReferralStatus status;

    /** When the status change that set {@link #status} happened; null while it is referral-created's "received". */
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** The referring GP practice's ODS code. */
    @Column(name = "referrer_organization")
    public String referrerOrganization;

    public String source;

    /** Need codes, comma-separated. */
    public String needs;

    @Column(name = "postcode_district")
    public String postcodeDistrict;

    @Column(name = "age_band")
    public String ageBand;

    /** Null until referral-created has arrived. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
