package org.linkwork.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void eachFailureDoublesTheWaitWithTheSecondHalfRandom() {
        assertThat(backoff.after(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(backoff.after(1, () -> 0.999_999)).isBetween(Duration.ofMillis(29_999), Duration.ofSeconds(30));
        assertThat(backoff.after(2, () -> 0.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(90));
        assertThat(backoff.after(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void theWaitIsCappedEvenAfterManyFailures() {
        assertThat(backoff.after(8, () -> 0.999_999)).isLessThanOrEqualTo(Duration.ofHours(1)).isGreaterThan(Duration.ofMinutes(59));
        assertThat(backoff.after(200, () -> 0.0)).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.after(0, () -> 0.0)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void jitterSpreadsMessagesThatFailedTogether() {
        java.util.Random random = new java.util.Random(7);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.after(3, random::nextDouble)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
    }
}
