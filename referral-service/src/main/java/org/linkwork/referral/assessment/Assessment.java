package org.linkwork.referral.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.linkwork.referral.privacy.Encrypted;

/** One recorded assessment of a referral; a re-assessment adds another. */
@Entity
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "link_worker")
    public String linkWorker;

    /** Need codes, comma-separated. */
    public String needs;

    /** The whole assessment as recorded (goals in the person's words included), as JSON; encrypted. */
    @Convert(converter = Encrypted.class)
    public String details;

    @Column(name = "assessed_at")
    public Instant assessedAt;
}
