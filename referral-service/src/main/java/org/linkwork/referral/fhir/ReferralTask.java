package org.linkwork.referral.fhir;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A Task a referring system posted to Linkwork, the coordination platform: fulfil the ServiceRequest
 * at {@link #focus}. Its status is {@code requested} until the referral is fetched and received, then
 * follows the referral; a fetch that cannot succeed leaves it {@code failed} or {@code rejected} with
 * the reason in {@link #statusReason}. Its version is the ETag.
 */
@Entity
@Table(name = "referral_task")
public class ReferralTask extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The OAuth client that posted it (the token's azp); only that client acts on it. */
    @Column(name = "client_id")
    public String clientId;

    @Column(name = "posted_by")
    public String postedBy;

    public String organisation;

    public String focus;

    @Column(name = "patient_reference")
    public String patientReference;

    public String requester;

    /** A FHIR task status code. */
    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "status_reason_code")
    public String statusReasonCode;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "fetch_attempts")
    public int fetchAttempts;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    @Column(name = "authored_on")
    public Instant authoredOn;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}
