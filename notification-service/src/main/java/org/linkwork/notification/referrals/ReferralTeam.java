package org.linkwork.notification.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who looks after a referral, as the events told this service: the referring organisation and the
 * link worker, with the name the person knows them by. Staff data only.
 */
@Entity
@Table(name = "referral_team")
public class ReferralTeam extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "referrer_organization")
    public String referrerOrganization;

    @Column(name = "link_worker")
    public String linkWorker;

    @Column(name = "link_worker_name")
    public String linkWorkerName;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<ReferralTeam> of(UUID referralId) {
        return referralId == null ? Optional.empty() : ReferralTeam.<ReferralTeam>findByIdOptional(referralId);
    }

    /** Records what an event says about the team; a field the event leaves out keeps what was known. */
    public static void note(UUID referralId, String referrerOrganization, String linkWorker, String linkWorkerName) {
        ReferralTeam team = ReferralTeam.findById(referralId);
        if (team == null) {
            team = new ReferralTeam();
            team.referralId = referralId;
        }
        if (present(referrerOrganization)) {
            team.referrerOrganization = referrerOrganization;
        }
        if (present(linkWorker)) {
            if (!linkWorker.equals(team.linkWorker)) {
                team.linkWorkerName = null; // a different link worker: the old name no longer applies
            }
            team.linkWorker = linkWorker;
        }
        if (present(linkWorkerName)) {
            team.linkWorkerName = linkWorkerName;
        }
        team.updatedAt = Instant.now();
        team.persist();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
