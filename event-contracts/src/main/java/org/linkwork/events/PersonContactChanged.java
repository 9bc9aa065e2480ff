package org.linkwork.events;

import java.time.Instant;

/**
 * RESTRICTED, not analytics-safe: how to reach a person. Only notification-service may consume
 * this topic. Keyed by {@code personRef}; a tombstone means "forget this person's contact details".
 *
 * @param preferredChannel {@code email}, {@code sms}, {@code letter} or {@code none}
 * @param language BCP 47 tag of the language messages should be in, e.g. {@code en} or {@code cy}
 * @param quietHoursStart local time ({@code HH:mm}, Europe/London) from which no message should arrive, or null
 * @param quietHoursEnd local time until which no message should arrive, or null
 * @param optedOut the person asked for no messages
 * @param consentWithdrawn the person withdrew consent: nothing more is sent
 */
public record PersonContactChanged(
        String personRef,
        String displayName,
        String email,
        String mobilePhone,
        String preferredChannel,
        String language,
        String quietHoursStart,
        String quietHoursEnd,
        boolean optedOut,
        boolean consentWithdrawn,
        Instant changedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return personRef;
    }
}
