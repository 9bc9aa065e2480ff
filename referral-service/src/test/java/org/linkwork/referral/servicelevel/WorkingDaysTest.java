package org.linkwork.referral.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final WorkingDays fiveDays = new WorkingDays(5, LONDON,
            Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-01")));

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(LONDON).toInstant();
    }

    @Test
    void fiveWorkingDaysFromAMondayEndOnTheNextMonday() {
        // Mon 16 Nov 2026, 10:00 → due by the end of Mon 23 Nov
        assertThat(fiveDays.firstContactDue(at("2026-11-16T10:00"))).isEqualTo(at("2026-11-24T00:00"));
    }

    @Test
    void aReferralArrivingAtTheWeekendCountsFromMonday() {
        // Sat 21 Nov → Mon..Fri 23–27 Nov
        assertThat(fiveDays.firstContactDue(at("2026-11-21T15:30"))).isEqualTo(at("2026-11-28T00:00"));
    }

    @Test
    void bankHolidaysDoNotCount() {
        // Wed 23 Dec 2026: Thu 24, (Fri 25 holiday), (Mon 28 holiday), Tue 29, Wed 30, Thu 31, (Fri 1 Jan holiday), Mon 4 Jan
        assertThat(fiveDays.firstContactDue(at("2026-12-23T09:00"))).isEqualTo(at("2027-01-05T00:00"));
    }

    @Test
    void theDayEndsInLondonTimeAcrossTheClockChange() {
        // Fri 23 Oct 2026 (BST) → due end of Fri 30 Oct (GMT from 25 Oct)
        assertThat(fiveDays.firstContactDue(at("2026-10-23T16:00"))).isEqualTo(Instant.parse("2026-10-31T00:00:00Z"));
    }
}
