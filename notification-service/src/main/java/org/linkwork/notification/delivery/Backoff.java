package org.linkwork.notification.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next try: exponential (base × 2^(tries − 1)), capped, with "equal
 * jitter" — half the wait fixed, half random — so that many messages failing together against one
 * provider do not all come back at the same moment, yet none comes back at once.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int failedTries, DoubleSupplier random) {
        long baseMillis = Math.max(1, base.toMillis());
        int doublings = Math.min(Math.max(failedTries - 1, 0), 30);
        long exponential = baseMillis > max.toMillis() >> doublings ? max.toMillis() : baseMillis << doublings;
        long capped = Math.min(exponential, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
