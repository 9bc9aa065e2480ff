package org.linkwork.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FmtTest {

    @Test
    void datesAreShownInLondonTime() {
        assertThat(Fmt.day("2026-12-10T23:30:00Z")).isEqualTo("Thu 10 Dec");
        // British Summer Time: 23:30 UTC is already the next day in London
        assertThat(Fmt.day("2026-07-09T23:30:00Z")).isEqualTo("Fri 10 Jul");
        assertThat(Fmt.dateTime("2026-07-09T23:30:00Z")).isEqualTo("10 Jul 2026, 00:30");
        assertThat(Fmt.date("1950-03-02")).isEqualTo("2 March 1950");
        assertThat(Fmt.day("not a date")).isEmpty();
        assertThat(Fmt.day(null)).isEmpty();
    }

    @Test
    void codesAreShownAsWords() {
        assertThat(Fmt.label("in-activity")).isEqualTo("In activity");
        assertThat(Fmt.list(List.of("loneliness", "physical-activity"))).isEqualTo("loneliness, physical activity");
        assertThat(Fmt.tag("in-activity")).isEqualTo("nhsuk-tag--green");
        assertThat(Fmt.tag("something-new")).isEqualTo("nhsuk-tag--white");
        assertThat(Fmt.ref("15281013-7377-4d12-95ad-dbe6212c656a")).isEqualTo("15281013");
    }
}
