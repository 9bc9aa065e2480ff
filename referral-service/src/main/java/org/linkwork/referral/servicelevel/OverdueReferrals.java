package org.linkwork.referral.servicelevel;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.ReferralOverdue;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.Referral;
import org.linkwork.referral.timeline.Timeline;

/**
 * Flags referrals that passed their first-contact date uncontacted and publishes
 * {@code referral-overdue} once for each: the flag and the event are written in one transaction,
 * and rows are claimed with SKIP LOCKED, so two instances never announce the same one.
 */
@ApplicationScoped
public class OverdueReferrals {

    private static final int BATCH = 500;

    final Outbox outbox;
    final Timeline timeline;

    OverdueReferrals(Outbox outbox, Timeline timeline) {
        this.outbox = outbox;
        this.timeline = timeline;
    }

    @Scheduled(every = "${linkwork.referral.first-contact.check-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        while (flag(Instant.now()) == BATCH) {
            // a backlog drains in batches, each its own transaction
        }
    }

    /** Flags what is overdue at {@code now}; returns how many were flagged. */
    @Transactional
    public int flag(Instant now) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = Panache.getEntityManager().createNativeQuery("""
                select id from referral
                where overdue_at is null and first_contacted_at is null and first_contact_due < ?1
                  and status in ('received', 'accepted')
                order by first_contact_due limit ?2 for update skip locked""")
                .setParameter(1, Timestamp.from(now)).setParameter(2, BATCH).getResultList();
        for (UUID id : ids) {
            Referral referral = Referral.findById(id);
            referral.overdueAt = now;
            timeline.add(referral, "overdue", "First contact is overdue (was due " + referral.firstContactDue + ")", "system", "system");
            outbox.publish(new ReferralOverdue(referral.id.toString(), referral.person.personRef, referral.referrerOrganization,
                    referral.linkWorker, referral.status.code(), referral.firstContactDue, now, referral.teamId));
        }
        return ids.size();
    }
}
