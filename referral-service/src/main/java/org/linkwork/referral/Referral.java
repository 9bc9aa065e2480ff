package org.linkwork.referral;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.ReferralStatus;

/** A referral of one person, from one referring organisation, through its lifecycle. */
@Entity
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    public Person person;

    /** {@code api}, {@code fhir} or {@code self}. */
    public String source;

    /** The referring practice's ODS code; for a self-referral, the practice the person named, if any. */
    @Column(name = "referrer_organization")
    public String referrerOrganization;

    @Column(name = "referrer_username")
    public String referrerUsername;

    /** Need codes, comma-separated. */
    public String needs;

    public String reason;

    @Column(name = "in_own_words")
    public String inOwnWords;

    public String urgency;

    @Column(name = "consent_given")
    public boolean consentGiven;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    @Column(name = "consent_withdrawn_at")
    public Instant consentWithdrawnAt;

    public ReferralStatus status;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "link_worker")
    public String linkWorker;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    @Column(name = "first_contact_due")
    public Instant firstContactDue;

    @Column(name = "first_contacted_at")
    public Instant firstContactedAt;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    @Column(name = "duplicate_override_reason")
    public String duplicateOverrideReason;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> needCodes() {
        return needs == null || needs.isBlank() ? List.of() : Arrays.asList(needs.split(","));
    }

    /** Past its first-contact date without a first contact. */
    public boolean overdue(Instant now) {
        return firstContactedAt == null && firstContactDue != null && firstContactDue.isBefore(now) && status.isOpen();
    }
}
