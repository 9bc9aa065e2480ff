package org.linkwork.referral.timeline;

import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a referral, as its care team sees it. {@code seq} orders them across referrals. */
public record TimelineEntry(long seq, UUID referralId, Instant at, String kind, String summary, String actor, String actorRole) {
}
