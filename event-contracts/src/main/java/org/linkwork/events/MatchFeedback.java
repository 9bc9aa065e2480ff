package org.linkwork.events;

import java.time.Instant;

/**
 * A link worker's verdict on one proposed activity.
 *
 * @param decision {@code chosen} or {@code not-suitable}
 * @param reasonCode for not-suitable, one of {@link Vocabulary#UNSUITABLE_REASONS}
 * @param rank the rank the activity had in the proposal, null if it was not proposed
 */
public record MatchFeedback(
        String referralId,
        String personRef,
        String serviceId,
        String decision,
        String reasonCode,
        Integer rank,
        String linkWorker,
        Instant recordedAt) implements LinkworkEvent {

    @Override
    public String aggregateId() {
        return referralId;
    }
}
