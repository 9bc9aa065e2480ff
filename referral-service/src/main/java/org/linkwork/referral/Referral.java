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

    public String source;

    @Column(name = "referrer_organization")
    public String referrerOrganization;

    @Column(name = "referrer_username")
    public String referrerUsername;

    /** Need codes, comma-separated. */
    public String needs;

    public String reason;
    public String urgency;

    @Column(name = "consent_given")
    public boolean consentGiven;

    @Column(name = "consent_recorded_at")
    public Instant consentRecordedAt;

    public ReferralStatus status;

    @Column(name = "link_worker")
    public String linkWorker;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public List<String> needCodes() {
        return needs == null || needs.isBlank() ? List.of() : Arrays.asList(needs.split(","));
    }
}
