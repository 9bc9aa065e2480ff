package org.linkwork.notification.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.events.NotificationDelivered;
import org.linkwork.events.NotificationFailed;
import org.linkwork.notification.messages.MessageWriter;
import org.linkwork.notification.messages.PersonMessageText;
import org.linkwork.notification.people.PersonContact;
import org.linkwork.notification.referrals.ReferralTeam;
import org.linkwork.notification.rules.Rule;
import org.linkwork.notification.webhooks.WebhookSubscription;
import org.linkwork.platform.outbox.Outbox;

/**
 * The durable delivery queue's transactions: claiming due rows (with a lease, so a crashed worker's
 * rows come back), deciding how each is sent, and recording what happened — with
 * {@code notification-delivered} or, after the last try, {@code notification-failed} in the same
 * transaction. Sending itself happens between these transactions, never inside one.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    final EntityManager em;
    final Outbox outbox;
    final MessageWriter writer;
    final ObjectMapper json;
    final int maxAttempts;
    final Backoff backoff;
    final Duration lease;
    final Optional<String> replyTo;

    DeliveryQueue(EntityManager em, Outbox outbox, MessageWriter writer, ObjectMapper json,
            @ConfigProperty(name = "linkwork.delivery.max-attempts") int maxAttempts,
            @ConfigProperty(name = "linkwork.delivery.backoff-base") Duration backoffBase,
            @ConfigProperty(name = "linkwork.delivery.backoff-max") Duration backoffMax,
            @ConfigProperty(name = "linkwork.delivery.lease") Duration lease,
            @ConfigProperty(name = "linkwork.notification.team-email") Optional<String> replyTo) {
        this.em = em;
        this.outbox = outbox;
        this.writer = writer;
        this.json = json;
        this.maxAttempts = maxAttempts;
        this.backoff = new Backoff(backoffBase, backoffMax);
        this.lease = lease;
        this.replyTo = replyTo;
    }

    /** Takes up to {@code max} due deliveries for this worker, leased until they are recorded. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claim(int max) {
        List<?> rows = em.createNativeQuery("""
                select id from delivery where status = 'pending' and due_at <= now()
                order by due_at limit :max for update skip locked""")
                .setParameter("max", max).getResultList();
        List<UUID> ids = rows.stream().map(r -> r instanceof UUID u ? u : UUID.fromString(r.toString())).toList();
        if (!ids.isEmpty()) {
            em.createNativeQuery("update delivery set due_at = :until where id in (:ids)")
                    .setParameter("until", Timestamp.from(Instant.now().plus(lease)))
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    /** Decides, from the recipient's details as they are now, whether and how to send. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Step prepare(UUID id) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || !Delivery.PENDING.equals(delivery.status)) {
            return new Step.Nothing();
        }
        return delivery.toPerson() ? forPerson(delivery) : forSubscription(delivery);
    }

    private Step forSubscription(Delivery delivery) {
        WebhookSubscription subscription = WebhookSubscription.findById(UUID.fromString(delivery.recipient));
        if (subscription == null || subscription.removedAt != null) {
            return new Step.Drop(Delivery.CANCELLED, "subscription-removed");
        }
        return new Step.Send("webhook", new Outgoing.Webhook(delivery.id, subscription.url, subscription.secret, delivery.rule,
                delivery.content));
    }

    private Step forPerson(Delivery delivery) {
        PersonContact contact = PersonContact.findById(delivery.recipient);
        if (contact == null) {
            // the contact details may still be on their way from referral-service
            return new Step.Fail(null, SendResult.retry("no-contact-details"));
        }
        if (contact.wantsNothing()) {
            return new Step.Drop(Delivery.SUPPRESSED, contact.consentWithdrawn ? "consent-withdrawn" : "opted-out");
        }
        String channel = "preferred".equals(delivery.channel) ? contact.preferredChannel : delivery.channel;
        if (!"email".equals(channel) && !"sms".equals(channel)) {
            return new Step.Drop(Delivery.SUPPRESSED, "no-digital-channel"); // letter or none: the link worker phones or writes
        }
        Optional<Instant> quietUntil = contact.quietHours().flatMap(q -> q.deferUntil(Instant.now()));
        if (quietUntil.isPresent()) {
            return new Step.Defer(quietUntil.get());
        }
        String address = "email".equals(channel) ? contact.email : contact.mobilePhone;
        if (address == null || address.isBlank()) {
            return new Step.Fail(channel, SendResult.giveUp("email".equals(channel) ? "no-email-address" : "no-mobile-number"));
        }
        Rule rule = Rule.ofCode(delivery.rule).orElseThrow(() -> new IllegalStateException("unknown rule " + delivery.rule));
        String linkWorkerName = ReferralTeam.of(delivery.referralId).map(t -> t.linkWorkerName).orElse(null);
        PersonMessageText text = writer.write(rule, contact.language, contact.displayName, linkWorkerName, delivery.referralId,
                channel, details(delivery));
        return new Step.Send(channel, "email".equals(channel)
                ? new Outgoing.Email(address, replyTo.orElse(null), text.subject(), text.text(), text.html())
                : new Outgoing.Sms(address, text.sms(), delivery.id.toString()));
    }

    private Map<String, String> details(Delivery delivery) {
        try {
            return json.readValue(delivery.content, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("delivery " + delivery.id + " has unreadable details", e);
        }
    }

    /** Records one try: sent, to be tried again after a backoff, or failed for good. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(UUID id, String channel, SendResult result) {
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || !Delivery.PENDING.equals(delivery.status)) {
            return;
        }
        Instant now = Instant.now();
        delivery.attempts++;
        delivery.sentVia = channel;
        if (result.sent()) {
            delivery.status = Delivery.SENT;
            delivery.lastError = null;
            delivery.completedAt = now;
            outbox.publish(new NotificationDelivered(delivery.id.toString(), delivery.sourceEventId, referral(delivery),
                    delivery.recipientKind, channel, now));
            return;
        }
        delivery.lastError = result.errorCode();
        if (result.permanent() || delivery.attempts >= maxAttempts) {
            delivery.status = Delivery.FAILED; // the dead letter: the delivery log shows it, an organisation may send it again
            delivery.completedAt = now;
            if (channel != null) {
                outbox.publish(new NotificationFailed(delivery.id.toString(), delivery.sourceEventId, referral(delivery),
                        delivery.recipientKind, channel, result.errorCode(), delivery.attempts, now));
            } else {
                // the event's channel must be a real one, and this person's was never known
                LOG.warnf("delivery %s failed without a known channel: %s", delivery.id, result.errorCode());
            }
            return;
        }
        delivery.dueAt = now.plus(backoff.after(delivery.attempts, ThreadLocalRandom.current()::nextDouble));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void defer(UUID id, Instant until) {
        em.createNativeQuery("update delivery set due_at = :until where id = :id and status = 'pending'")
                .setParameter("until", Timestamp.from(until)).setParameter("id", id).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void drop(UUID id, String status, String reason) {
        em.createNativeQuery("""
                update delivery set status = :status, last_error = :reason, completed_at = now() where id = :id and status = 'pending'""")
                .setParameter("status", status).setParameter("reason", reason).setParameter("id", id).executeUpdate();
    }

    private static String referral(Delivery delivery) {
        return delivery.referralId == null ? null : delivery.referralId.toString();
    }
}
