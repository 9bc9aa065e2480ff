package org.linkwork.notification.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.linkwork.events.NotificationDelivered;
import org.linkwork.notification.rules.Notice;
import org.linkwork.platform.outbox.Outbox;

/**
 * Places notices in their inboxes and announces each one as delivered, in the caller's transaction.
 * A notice already placed for the same event and recipient is skipped, so even an event whose
 * processed-event row was lost never fills an inbox twice.
 */
@ApplicationScoped
public class InboxDelivery {

    static final String CHANNEL = "inbox";

    final EntityManager em;
    final Outbox outbox;
    final Event<NotificationPlaced> announcements;

    InboxDelivery(EntityManager em, Outbox outbox, Event<NotificationPlaced> placed) {
        this.em = em;
        this.outbox = outbox;
        this.announcements = placed;
    }

    /** Returns how many notices were newly placed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int deliver(String sourceEventId, List<Notice> notices) {
        int placed = 0;
        for (Notice notice : notices) {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            int inserted = ((NativeQuery<?>) em.createNativeQuery("""
                    insert into notification (id, source_event_id, recipient_type, recipient, recipient_role, recipient_kind,
                                              referral_id, title, body, created_at)
                    values (:id, :source, :type, :recipient, :role, :kind, :referral, :title, :body, :at)
                    on conflict (source_event_id, recipient_type, recipient, recipient_role) do nothing"""))
                    .setParameter("id", id)
                    .setParameter("source", sourceEventId)
                    .setParameter("type", notice.recipient().type().code())
                    .setParameter("recipient", notice.recipient().id())
                    .setParameter("role", notice.recipient().role(), String.class)
                    .setParameter("kind", notice.kind().code())
                    .setParameter("referral", notice.referralId(), UUID.class)
                    .setParameter("title", notice.title())
                    .setParameter("body", notice.body())
                    .setParameter("at", Timestamp.from(now))
                    .executeUpdate();
            if (inserted == 1) {
                outbox.publish(new NotificationDelivered(id.toString(), sourceEventId,
                        notice.referralId() == null ? null : notice.referralId().toString(), notice.kind().code(), CHANNEL, now));
                // the live stream hears of it once the transaction has committed
                announcements.fire(new NotificationPlaced(notice.recipient(),
                        new NotificationView(id, notice.title(), notice.body(), notice.referralId(), now, false)));
                placed++;
            }
        }
        return placed;
    }
}
