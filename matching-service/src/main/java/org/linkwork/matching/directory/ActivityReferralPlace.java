package org.linkwork.matching.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Whether one activity referral holds a place at its service, and since and until when. */
@Entity
@Table(name = "activity_referral_place")
public class ActivityReferralPlace extends PanacheEntityBase {

    @Id
    @Column(name = "activity_referral_id")
    public String activityReferralId;

    @Column(name = "service_id")
    public String serviceId;

    public boolean holding;

    @Column(name = "taken_at")
    public Instant takenAt;

    @Column(name = "released_at")
    public Instant releasedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
