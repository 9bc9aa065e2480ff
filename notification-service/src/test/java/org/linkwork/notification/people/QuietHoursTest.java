package org.linkwork.notification.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Quiet hours in UK local time, across midnight and the clock changes. */
class QuietHoursTest {

    private final QuietHours overnight = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    @Test
    void aMessageInOvernightQuietHoursWaitsUntilTheMorning() {
        // 23:30 BST on 10 June is 22:30 UTC; quiet until 08:00 BST on 11 June, 07:00 UTC
        assertThat(overnight.deferUntil(Instant.parse("2026-06-10T22:30:00Z"))).contains(Instant.parse("2026-06-11T07:00:00Z"));
        // 06:00 BST the same morning waits for 08:00 BST
        assertThat(overnight.deferUntil(Instant.parse("2026-06-11T05:00:00Z"))).contains(Instant.parse("2026-06-11T07:00:00Z"));
        // in winter the UK is on GMT
        assertThat(overnight.deferUntil(Instant.parse("2026-01-10T21:00:00Z"))).contains(Instant.parse("2026-01-11T08:00:00Z"));
    }

    @Test
    void outsideQuietHoursAMessageGoesNow() {
        assertThat(overnight.deferUntil(Instant.parse("2026-06-11T07:00:00Z"))).isEmpty(); // 08:00 BST, the end itself
        assertThat(overnight.deferUntil(Instant.parse("2026-06-11T12:00:00Z"))).isEmpty();
        assertThat(overnight.deferUntil(Instant.parse("2026-06-11T19:59:59Z"))).isEmpty(); // 20:59:59 BST
    }

    @Test
    void quietHoursWithinOneDay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.deferUntil(Instant.parse("2026-01-10T12:30:00Z"))).contains(Instant.parse("2026-01-10T14:00:00Z"));
        assertThat(lunch.deferUntil(Instant.parse("2026-01-10T14:00:00Z"))).isEmpty();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).deferUntil(Instant.parse("2026-01-10T12:00:00Z"))).isEmpty();
    }

    @Test
    void theNightTheClocksGoForwardStillEndsAtEightLocalTime() {
        // 29 March 2026, clocks go forward at 01:00 GMT; 08:00 BST is 07:00 UTC
        assertThat(overnight.deferUntil(Instant.parse("2026-03-28T23:00:00Z"))).contains(Instant.parse("2026-03-29T07:00:00Z"));
    }
}
