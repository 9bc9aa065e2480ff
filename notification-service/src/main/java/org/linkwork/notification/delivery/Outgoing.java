package org.linkwork.notification.delivery;

import java.util.UUID;

/** A message ready for its channel, with its address. Lives only in memory while it is being sent. */
public sealed interface Outgoing {

    /** @param replyTo where the person's reply goes (the link worker's team), may be null */
    record Email(String to, String replyTo, String subject, String text, String html) implements Outgoing {
        @Override
        public String toString() {
            return "Email[]"; // never the address
        }
    }

    /** @param reference our id for the message, echoed by the gateway in its callbacks */
    record Sms(String phoneNumber, String text, String reference) implements Outgoing {
        @Override
        public String toString() {
            return "Sms[" + reference + "]";
        }
    }

    record Webhook(UUID deliveryId, String url, String secret, String eventType, String body) implements Outgoing {
        @Override
        public String toString() {
            return "Webhook[" + deliveryId + "]";
        }
    }
}
