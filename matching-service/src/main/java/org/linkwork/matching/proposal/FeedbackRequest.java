package org.linkwork.matching.proposal;

/**
 * A link worker's verdict on one activity.
 *
 * @param decision   {@code chosen} or {@code not-suitable}
 * @param reasonCode for not-suitable (and only then), one of {@link org.linkwork.events.Vocabulary#UNSUITABLE_REASONS}
 */
public record FeedbackRequest(String serviceId, String decision, String reasonCode) {
}
