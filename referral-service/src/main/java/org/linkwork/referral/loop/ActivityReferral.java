package org.linkwork.referral.loop;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linkwork.referral.Referral;

/**
 * A referral of one person to one community activity, sent by their link worker to the provider
 * organisation that runs it. As a FHIR Task its id is this id, its owner the provider, its
 * requester the link worker; its version is the Task's ETag.
 */
@Entity
@Table(name = "activity_referral")
public class ActivityReferral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "service_name")
    public String serviceName;

    @Column(name = "activity_type")
    public String activityType;

    @Column(name = "provider_organization")
    public String providerOrganization;

    /** The link worker who sent it. */
    public String requester;

    @Convert(converter = StatusColumn.class)
    public ActivityStatus status;

    @Column(name = "status_reason_code")
    public String statusReasonCode;

    /** Why, in words: stays in this service, never in an event. */
    @Column(name = "status_reason_text")
    public String statusReasonText;

    /** The person agreed that the provider may phone them. */
    @Column(name = "share_contact")
    public boolean shareContact;

    @Column(name = "sessions_attended")
    public int sessionsAttended;

    @Column(name = "next_session_at")
    public Instant nextSessionAt;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * The activity's name as the directory published it, for events; none when the proposal came without a name
     * and its id stands in for one here, so that no message calls an activity by its id.
     */
    public String publishedName() {
        return serviceName == null || serviceName.equals(serviceId) ? null : serviceName;
    }

    public Referral referral() {
        return Referral.findById(referralId);
    }

    public static List<ActivityReferral> ofReferral(UUID referralId) {
        return list("referralId = ?1 order by requestedAt", referralId);
    }

    @Converter
    public static class StatusColumn implements AttributeConverter<ActivityStatus, String> {
        @Override
        public String convertToDatabaseColumn(ActivityStatus status) {
            return status == null ? null : status.code();
        }

        @Override
        public ActivityStatus convertToEntityAttribute(String code) {
            return code == null ? null : ActivityStatus.fromCode(code).orElseThrow();
        }
    }
}
