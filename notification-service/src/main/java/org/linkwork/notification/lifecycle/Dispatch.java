package org.linkwork.notification.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linkwork.notification.delivery.Deliveries;
import org.linkwork.notification.inbox.InboxDelivery;
import org.linkwork.notification.rules.Channel;
import org.linkwork.notification.rules.Notice;
import org.linkwork.notification.rules.Notifications;
import org.linkwork.notification.rules.PersonMessage;
import org.linkwork.notification.rules.Recipient;
import org.linkwork.notification.rules.RuleConfiguration;
import org.linkwork.notification.webhooks.WebhookSubscription;

/**
 * Sends what the rules asked for down each rule's configured channels, in the transaction that
 * records the event as processed: inbox notices are placed at once; e-mail, SMS and webhooks are
 * planned into the delivery queue, which sends them after the commit.
 */
@ApplicationScoped
public class Dispatch {

    final InboxDelivery inbox;
    final Deliveries deliveries;
    final RuleConfiguration configuration;
    final ObjectMapper json;

    Dispatch(InboxDelivery inbox, Deliveries deliveries, RuleConfiguration configuration, ObjectMapper json) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.configuration = configuration;
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String eventId, Notifications notifications) {
        inbox.deliver(eventId, notifications.notices().stream()
                .filter(n -> configuration.channels(n.rule()).contains(Channel.INBOX)).toList());
        for (Notice notice : notifications.notices()) {
            if (configuration.channels(notice.rule()).contains(Channel.WEBHOOK) && notice.recipient().type() == Recipient.Type.ORGANISATION) {
                String organisation = notice.recipient().id();
                for (WebhookSubscription subscription : WebhookSubscription.listening(organisation, notice.rule().code())) {
                    deliveries.planWebhook(eventId, notice.rule(), subscription.id, organisation, notice.referralId(),
                            webhookBody(eventId, notice));
                }
            }
        }
        for (PersonMessage message : notifications.messages()) {
            for (Channel channel : configuration.channels(message.rule())) {
                deliveries.planForPerson(eventId, message, channel);
            }
        }
    }

    /** What a partner system receives: the notice as the organisation's inbox shows it. */
    private String webhookBody(String eventId, Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", notice.rule().code());
        body.put("organisation", notice.recipient().id());
        body.put("referralId", notice.referralId() == null ? null : notice.referralId().toString());
        body.put("title", notice.title());
        body.put("body", notice.body());
        body.put("sourceEventId", eventId);
        body.put("occurredAt", Instant.now().toString());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is plain JSON", e);
        }
    }

    /** For rules that need no person messages. */
    public void send(String eventId, List<Notice> notices) {
        send(eventId, Notifications.of(notices));
    }
}
