package org.linkwork.referral.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One recorded assessment of a referral; a re-assessment adds another. */
@Entity
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "link_worker")
    public String linkWorker;

    public String needs;

    @Column(name = "delivery_modes")
    public String deliveryModes;

    @Column(name = "preferred_days")
    public String preferredDays;

    public String postcode;

    @Column(name = "max_travel_km")
    public BigDecimal maxTravelKm;

    @Column(name = "assessed_at")
    public Instant assessedAt;
}
