package org.linkwork.referral.loop;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.linkwork.events.MatchProposed;

/**
 * An activity matching proposed for a referral, as {@code match-proposed} named it: enough to send an
 * activity referral to the organisation that runs it without asking another service.
 */
@Entity
@Table(name = "proposed_service")
@IdClass(ProposedService.Key.class)
public class ProposedService extends PanacheEntityBase {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Id
    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "service_name")
    public String serviceName;

    @Column(name = "organization_id")
    public String organizationId;

    public int rank;

    @Column(name = "proposed_at")
    public Instant proposedAt;

    public static class Key implements Serializable {
        public UUID referralId;
        public String serviceId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(referralId, k.referralId) && java.util.Objects.equals(serviceId, k.serviceId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(referralId, serviceId);
        }
    }

    public static Optional<ProposedService> find(UUID referralId, String serviceId) {
        return find("referralId = ?1 and serviceId = ?2", referralId, serviceId).firstResultOptional();
    }

    /** Keeps the latest proposal of each service; an earlier proposal's services stay choosable. */
    public static void remember(UUID referralId, MatchProposed match) {
        Instant at = match.proposedAt() == null ? Instant.now() : match.proposedAt();
        for (MatchProposed.Proposal p : match.proposals()) {
            if (p.serviceId() == null || p.organizationId() == null) {
                continue;
            }
            ProposedService s = find(referralId, p.serviceId()).orElseGet(() -> {
                ProposedService fresh = new ProposedService();
                fresh.referralId = referralId;
                fresh.serviceId = p.serviceId();
                return fresh;
            });
            s.serviceName = p.serviceName() == null ? p.serviceId() : truncate(p.serviceName(), 300);
            s.organizationId = p.organizationId();
            s.rank = p.rank();
            s.proposedAt = at;
            s.persist();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
