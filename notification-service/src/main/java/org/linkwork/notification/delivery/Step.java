package org.linkwork.notification.delivery;

import java.time.Instant;

/** What to do with a due delivery, decided from its recipient's latest details. */
sealed interface Step {

    /** Send it down this channel. */
    record Send(String channel, Outgoing message) implements Step {
    }

    /** Not now (quiet hours): try again then, without counting a try. */
    record Defer(Instant until) implements Step {
    }

    /** Never: the recipient wants nothing, or is gone. */
    record Drop(String status, String reason) implements Step {
    }

    /** It cannot be sent this time, for a reason of our own rather than the channel's. */
    record Fail(String channel, SendResult result) implements Step {
    }

    /** Someone else finished it meanwhile. */
    record Nothing() implements Step {
    }
}
