package org.linkwork.referral.loop;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What was done for an activity referral, readable as a FHIR Procedure: the Task's output when it is
 * completed, and what the referring system reads back.
 */
@Entity
@Table(name = "activity_procedure")
public class ActivityProcedure extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "activity_referral_id")
    public UUID activityReferralId;

    /** FHIR event status: preparation, in-progress, not-done, on-hold, stopped, completed. */
    public String status;

    @Column(name = "code_system")
    public String codeSystem;

    public String code;

    @Column(name = "code_text")
    public String codeText;

    @Column(name = "performed_start")
    public Instant performedStart;

    @Column(name = "performed_end")
    public Instant performedEnd;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public static List<ActivityProcedure> ofActivity(UUID activityReferralId) {
        return list("activityReferralId = ?1 order by recordedAt", activityReferralId);
    }

    /** The record the platform makes itself when an activity is completed without one: the activity, from start to end. */
    static ActivityProcedure made(ActivityReferral a, String by, Instant now) {
        ActivityProcedure p = new ActivityProcedure();
        p.id = UUID.randomUUID();
        p.activityReferralId = a.id;
        p.status = "completed";
        p.codeSystem = ActivityReferrals.SERVICE_SYSTEM;
        p.code = a.serviceId.length() > 100 ? a.serviceId.substring(0, 100) : a.serviceId;
        p.codeText = a.serviceName;
        p.performedStart = a.startedAt;
        p.performedEnd = now;
        p.recordedBy = by;
        p.recordedAt = now;
        p.persist();
        return p;
    }
}
