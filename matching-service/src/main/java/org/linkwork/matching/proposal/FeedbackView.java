package org.linkwork.matching.proposal;

import java.time.Instant;
import java.util.UUID;

/** A verdict as the link worker reads it back. */
public record FeedbackView(UUID id, UUID referralId, String serviceId, String decision, String reasonCode, Integer rank,
        String linkWorker, Instant recordedAt) {

    static FeedbackView of(Feedback f) {
        return new FeedbackView(f.id, f.referralId, f.serviceId, f.decision, f.reasonCode, f.rank, f.linkWorker, f.recordedAt);
    }
}
