package org.linkwork.outcomes.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.ReferralCreated;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.ReferralStatusChanged;

/**
 * Folds the two lifecycle topics into {@link ReferralProgress}. A referral's events travel on two
 * topics, so they can arrive in any order and be applied concurrently by the two consumers: each
 * event is one atomic upsert, and the status kept is the one of the latest status change.
 */
@ApplicationScoped
public class ProgressProjection {

    final EntityManager em;

    ProgressProjection(EntityManager em) {
        this.em = em;
    }

    /**
     * A referral arrived: it is "received", unless a status change got here first. Every status
     * change follows creation, so creation never overwrites a status; it fills in the facts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(ReferralCreated created) {
        UUID id = referralId(created.referralId());
        Instant receivedAt = required(created.receivedAt(), "receivedAt");
        upsert("""
                insert into referral_progress as p (referral_id, status, status_changed_at, referrer_organization, source, needs,
                                                    postcode_district, age_band, received_at, updated_at)
                values (:id, :status, null, :practice, :source, :needs, :district, :ageBand, :receivedAt, now())
                on conflict (referral_id) do update set
                    referrer_organization = coalesce(excluded.referrer_organization, p.referrer_organization),
                    source = excluded.source,
                    needs = excluded.needs,
                    postcode_district = excluded.postcode_district,
                    age_band = excluded.age_band,
                    received_at = excluded.received_at,
                    updated_at = now()""")
                .setParameter("id", id, UUID.class)
                .setParameter("status", ReferralStatus.RECEIVED.code(), String.class)
                .setParameter("practice", practiceCode(created.referrerOrganization()), String.class)
                .setParameter("source", created.source(), String.class)
                .setParameter("needs", needs(created.needs()), String.class)
                .setParameter("district", created.postcodeDistrict(), String.class)
                .setParameter("ageBand", created.ageBand(), String.class)
                .setParameter("receivedAt", receivedAt, Instant.class)
                .executeUpdate();
    }

    /**
     * A referral moved: the latest change wins, whatever order the changes arrive in. A change that
     * arrives before its referral-created starts the row with what the change says.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statusChanged(ReferralStatusChanged change) {
        UUID id = referralId(change.referralId());
        ReferralStatus to = ReferralStatus.fromCode(change.toStatus())
                .orElseThrow(() -> new MalformedEventException("toStatus is not a referral status of the lifecycle"));
        Instant changedAt = required(change.changedAt(), "changedAt");
        // on a tie the change wins over an earlier-applied one, so a retried sequence settles the same way
        upsert("""
                insert into referral_progress as p (referral_id, status, status_changed_at, referrer_organization, updated_at)
                values (:id, :status, :changedAt, :practice, now())
                on conflict (referral_id) do update set
                    status = case when p.status_changed_at is null or excluded.status_changed_at >= p.status_changed_at
                                  then excluded.status else p.status end,
                    status_changed_at = greatest(p.status_changed_at, excluded.status_changed_at),
                    referrer_organization = coalesce(p.referrer_organization, excluded.referrer_organization),
                    updated_at = now()""")
                .setParameter("id", id, UUID.class)
                .setParameter("status", to.code(), String.class)
                .setParameter("changedAt", changedAt, Instant.class)
                .setParameter("practice", practiceCode(change.referrerOrganization()), String.class)
                .executeUpdate();
    }

    /** ODS codes are upper case; stored so, the KPI filter compares with them exactly. */
    public static String practiceCode(String organisation) {
        return organisation == null || organisation.isBlank() ? null : organisation.strip().toUpperCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private NativeQuery<?> upsert(String sql) {
        // typed parameters: several of them may be null, and PostgreSQL must still know their types
        return em.createNativeQuery(sql).unwrap(NativeQuery.class);
    }

    private static UUID referralId(String value) {
        try {
            return UUID.fromString(required(value, "referralId"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("referralId is not a UUID");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException(field + " is missing");
        }
        return value;
    }

    private static String needs(List<String> codes) {
        return codes == null ? null : codes.stream().filter(Objects::nonNull).distinct().collect(Collectors.joining(","));
    }
}
