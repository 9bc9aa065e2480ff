package org.linkwork.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.linkwork.notification.people.PersonContact;
import org.linkwork.notification.rules.Channel;
import org.linkwork.notification.rules.PersonMessage;
import org.linkwork.notification.rules.RecipientKind;
import org.linkwork.notification.rules.Rule;
import org.linkwork.platform.transaction.AfterCommit;

/**
 * Plans messages into the delivery queue, in the caller's transaction. A message already planned
 * for the same cause, recipient and channel is not planned again, so a redelivered event never
 * sends twice; a person who wants nothing gets a row marked suppressed, and nothing sent.
 */
@ApplicationScoped
public class Deliveries {

    final EntityManager em;
    final ObjectMapper json;
    final AfterCommit afterCommit;
    final DeliveryWorker worker;

    Deliveries(EntityManager em, ObjectMapper json, AfterCommit afterCommit, DeliveryWorker worker) {
        this.em = em;
        this.json = json;
        this.afterCommit = afterCommit;
        this.worker = worker;
    }

    /** Returns true when newly planned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean planForPerson(String sourceEventId, PersonMessage message, Channel channel) {
        PersonContact contact = PersonContact.findById(message.personRef());
        boolean unwanted = contact != null && contact.wantsNothing();
        return insert(new Planned(message.dedupKey(), sourceEventId, message.rule(), Delivery.TO_PERSON, message.personRef(), null,
                channel, message.referralId(), message.subjectKey(), write(message.details()),
                unwanted ? Delivery.SUPPRESSED : Delivery.PENDING, unwanted ? (contact.consentWithdrawn ? "consent-withdrawn" : "opted-out") : null,
                message.dueAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean planWebhook(String sourceEventId, Rule rule, UUID subscription, String organisation, UUID referralId, String body) {
        return insert(new Planned(sourceEventId, sourceEventId, rule, Delivery.TO_SUBSCRIPTION, subscription.toString(), organisation,
                Channel.WEBHOOK, referralId, null, body, Delivery.PENDING, null, Instant.now()));
    }

    /** Nothing more goes to this person (forgotten, opted out or consent withdrawn). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelForPerson(String personRef, String why) {
        return em.createNativeQuery("""
                update delivery set status = 'cancelled', last_error = :why, completed_at = now()
                where recipient_type = 'person' and recipient = :person and status = 'pending'""")
                .setParameter("why", why).setParameter("person", personRef).executeUpdate();
    }

    /** Drops the pending reminders of an activity referral, except the one still right (may be null). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelReminders(String activityReferralId, String keep) {
        return em.createNativeQuery("""
                update delivery set status = 'cancelled', last_error = 'session-changed', completed_at = now()
                where subject_key = :subject and rule = :rule and status = 'pending' and dedup_key <> :keep""")
                .setParameter("subject", activityReferralId).setParameter("rule", Rule.SESSION_REMINDER.code())
                .setParameter("keep", keep == null ? "" : keep).executeUpdate();
    }

    private record Planned(String dedupKey, String sourceEventId, Rule rule, String recipientType, String recipient,
            String organisation, Channel channel, UUID referralId, String subjectKey, String content, String status,
            String lastError, Instant dueAt) {
    }

    private boolean insert(Planned p) {
        Instant now = Instant.now();
        if (Delivery.PENDING.equals(p.status()) && !p.dueAt().isAfter(now)) {
            wakeWorkerAfterCommit();
        }
        return ((NativeQuery<?>) em.createNativeQuery("""
                insert into delivery (id, dedup_key, source_event_id, rule, recipient_kind, recipient_type, recipient, organisation,
                                      channel, referral_id, subject_key, content, status, last_error, due_at, created_at, completed_at)
                values (:id, :dedup, :source, :rule, :kind, :type, :recipient, :organisation,
                        :channel, :referral, :subject, :content, :status, :error, :due, :now, :completed)
                on conflict on constraint delivery_once do nothing"""))
                .setParameter("id", UUID.randomUUID())
                .setParameter("dedup", p.dedupKey())
                .setParameter("source", p.sourceEventId())
                .setParameter("rule", p.rule().code())
                .setParameter("kind", kind(p.rule()).code())
                .setParameter("type", p.recipientType())
                .setParameter("recipient", p.recipient())
                .setParameter("organisation", p.organisation(), String.class)
                .setParameter("channel", p.channel().code())
                .setParameter("referral", p.referralId(), UUID.class)
                .setParameter("subject", p.subjectKey(), String.class)
                .setParameter("content", p.content())
                .setParameter("status", p.status())
                .setParameter("error", p.lastError(), String.class)
                .setParameter("due", Timestamp.from(p.dueAt()))
                .setParameter("now", Timestamp.from(now))
                .setParameter("completed", Delivery.PENDING.equals(p.status()) ? null : Timestamp.from(now), Timestamp.class)
                .executeUpdate() == 1;
    }

    /** A message due now need not wait for the next tick: the worker looks as soon as it is committed. */
    private void wakeWorkerAfterCommit() {
        afterCommit.once(Deliveries.class, worker::wake);
    }

    private String write(Map<String, String> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message details are plain strings", e);
        }
    }

    private static RecipientKind kind(Rule rule) {
        return rule.audience().kind();
    }
}
