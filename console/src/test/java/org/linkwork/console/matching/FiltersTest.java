package org.linkwork.console.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linkwork.console.services.Part;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.web.Form;

class FiltersTest {

    @Test
    void theFormStartsFromTheLatestAssessment() {
        List<Object> assessments = List.of(
                Map.of("assessment", Map.of("preferences", Map.of("deliveryModes", List.of("in-person"), "days", List.of("tue", "thu"),
                        "timesOfDay", List.of("morning")), "travel", Map.of("maxTravelKm", 5.0))),
                Map.of("assessment", Map.of("preferences", Map.of("days", List.of("sat")), "travel", Map.of("maxTravelKm", 12.5))));

        MatchesScreen.Filters filters = MatchesScreen.Filters.ofAssessments(Part.of(new Reply(200, assessments)));

        assertThat(filters.maxTravelKm()).isEqualTo("5");
        assertThat(filters.days()).containsExactly("tue", "thu");
        assertThat(filters.timesOfDay()).containsExactly("morning");
        assertThat(filters.deliveryModes()).containsExactly("in-person");
        assertThat(filters.known()).isTrue();
    }

    @Test
    void withoutAnAssessmentTheFormIsEmptyAndSaysSo() {
        MatchesScreen.Filters down = MatchesScreen.Filters.ofAssessments(Part.down(Service.REFERRAL));
        MatchesScreen.Filters none = MatchesScreen.Filters.ofAssessments(Part.of(new Reply(200, List.of())));

        assertThat(down.known()).isFalse();
        assertThat(none.known()).isFalse();
        assertThat(none.maxTravelKm()).isEmpty();
    }

    @Test
    void aSentFormIsShownAsItWasSent() {
        MatchesScreen.Filters filters = MatchesScreen.Filters.of(Form.of(Map.of("maxTravelKm", List.of("abc"), "days", List.of("sat"))));

        assertThat(filters.maxTravelKm()).isEqualTo("abc");
        assertThat(filters.days()).containsExactly("sat");
        assertThat(filters.deliveryModes()).isEmpty();
    }

    @Test
    void aRefusedFormIsMatchedToItsCard() {
        MatchesScreen.Failed failed = new MatchesScreen.Failed("send", "walk");

        assertThat(failed.is("send", "walk")).isTrue();
        assertThat(failed.is("send", "garden")).isFalse();
        assertThat(failed.is("not-suitable", "walk")).isFalse();
        assertThat(new MatchesScreen.Failed("rerun", null).is("rerun", null)).isTrue();
    }
}
