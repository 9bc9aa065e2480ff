package org.linkwork.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A directory entry has not been confirmed by its provider for longer than the review age: the
 * provider should check it and renew its {@code assured_date}. Published once per lapse.
 *
 * @param assuredDate when the provider last confirmed it, null if never
 */
public record DirectoryReviewDue(
        String serviceId,
        String serviceName,
        String organizationId,
        LocalDate assuredDate,
        Instant raisedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return serviceId;
    }
}
