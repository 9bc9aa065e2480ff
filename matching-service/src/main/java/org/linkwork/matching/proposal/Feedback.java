package org.linkwork.matching.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A link worker's verdict on an activity for a referral: chosen, or not suitable and why. */
@Entity
@Table(name = "match_feedback")
public class Feedback extends PanacheEntityBase {

    public static final String CHOSEN = "chosen";
    public static final String NOT_SUITABLE = "not-suitable";

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "service_id")
    public String serviceId;

    public String decision;

    @Column(name = "reason_code")
    public String reasonCode;

    /** The rank the activity had in the proposal when the verdict was given; null if it was not proposed. */
    public Integer rank;

    @Column(name = "link_worker")
    public String linkWorker;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
