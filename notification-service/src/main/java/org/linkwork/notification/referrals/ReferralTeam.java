package org.linkwork.notification.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

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

    /**
     * Records what an event says about the team, as one upsert because events about the same
     * referral arrive on several topics at once. A field the event leaves out keeps what was known;
     * a different link worker drops the old one's name.
     */
    public static void note(UUID referralId, String referrerOrganization, String linkWorker, String linkWorkerName) {
        ((NativeQuery<?>) getEntityManager().createNativeQuery("""
                insert into referral_team (referral_id, referrer_organization, link_worker, link_worker_name, updated_at)
                values (:referral, :organisation, :linkWorker, :name, now())
                on conflict (referral_id) do update set
                    referrer_organization = coalesce(excluded.referrer_organization, referral_team.referrer_organization),
                    link_worker_name = case
                        when excluded.link_worker is not null and excluded.link_worker is distinct from referral_team.link_worker
                            then excluded.link_worker_name
                        else coalesce(excluded.link_worker_name, referral_team.link_worker_name) end,
                    link_worker = coalesce(excluded.link_worker, referral_team.link_worker),
                    updated_at = now()"""))
                .setParameter("referral", referralId)
                .setParameter("organisation", blankToNull(referrerOrganization), String.class)
                .setParameter("linkWorker", blankToNull(linkWorker), String.class)
                .setParameter("name", blankToNull(linkWorkerName), String.class)
                .executeUpdate();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
