package org.linkwork.referral.timeline;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linkwork.referral.Referral;

/**
 * Writes a referral's timeline. Each entry is announced with PostgreSQL NOTIFY in the same
 * transaction, so live streams on every instance hear of it exactly when it commits, and never of
 * a change that rolled back.
 */
@ApplicationScoped
public class Timeline {

    public static final String CHANNEL = "referral_timeline";

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Referral referral, String kind, String summary, String actor, String actorRole) {
        var em = Panache.getEntityManager();
        Number seq = (Number) em.createNativeQuery("""
                insert into timeline_entry (referral_id, at, kind, summary, actor, actor_role)
                values (?1, ?2, ?3, ?4, ?5, ?6) returning seq""")
                .setParameter(1, referral.id).setParameter(2, Timestamp.from(Instant.now())).setParameter(3, kind)
                .setParameter(4, summary.length() > 300 ? summary.substring(0, 300) : summary).setParameter(5, actor)
                .setParameter(6, actorRole).getSingleResult();
        em.createNativeQuery("select pg_notify(?1, ?2)").setParameter(1, CHANNEL).setParameter(2, referral.id + ":" + seq)
                .getSingleResult();
    }

    public List<TimelineEntry> of(UUID referralId, long afterSeq) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select seq, referral_id, at, kind, summary, actor, actor_role from timeline_entry
                where referral_id = ?1 and seq > ?2 order by seq""").setParameter(1, referralId).setParameter(2, afterSeq)
                .getResultList();
        return rows.stream().map(Timeline::entry).toList();
    }

    static TimelineEntry entry(Object[] row) {
        Instant at = org.linkwork.referral.Times.instant(row[2]);
        return new TimelineEntry(((Number) row[0]).longValue(), (UUID) row[1], at, (String) row[3], (String) row[4],
                (String) row[5], (String) row[6]);
    }
}
