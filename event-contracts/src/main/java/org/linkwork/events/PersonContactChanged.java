package org.linkwork.events;

import java.time.Instant;

/**
 * RESTRICTED, not analytics-safe: how to reach a person. Only notification-service may consume
 * this topic. Keyed by {@code personRef}; a tombstone means "forget this person's contact details".
 *
 * @param preferredChannel {@code email}, {@code sms}, {@code letter} or {@code none}
 */
public record PersonContactChanged(
        String personRef,
        String displayName,
        String email,
        String mobilePhone,
        String preferredChannel,
        String language,
        boolean optedOut,
        Instant changedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return personRef;
    }
}
