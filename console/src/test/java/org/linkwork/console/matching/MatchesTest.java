package org.linkwork.console.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchesTest {

    private static final Map<String, Object> MATCH = Map.of("proposedAt", "2026-12-03T08:15:13.388Z", "stored", true,
            "proposals", List.of(
                    Map.of("rank", 1, "serviceId", "walk", "serviceName", "Walk and talk", "score", 0.842, "distanceKm", 0.7,
                            "reasons", List.of("0.7 km away", "free"), "reasonsAgainst", List.of()),
                    Map.of("rank", 2, "serviceId", "garden", "serviceName", "Community garden", "score", 0.682, "distanceKm", 2.2,
                            "reasons", List.of("2.2 km away"), "reasonsAgainst", List.of("runs Saturday mornings"))),
            "excluded", List.of(Map.of("serviceId", "phone", "serviceName", "Telephone befriending", "reasons",
                    List.of("runs only online or by telephone; the person wants in person"))),
            "feedback", List.of(
                    Map.of("serviceId", "walk", "decision", "not-suitable", "reasonCode", "wrong-time", "recordedAt", "2026-12-03T09:00:00Z"),
                    Map.of("serviceId", "walk", "decision", "chosen", "recordedAt", "2026-12-03T10:00:00.5Z"),
                    Map.of("serviceId", "garden", "decision", "chosen", "recordedAt", "2026-12-03T11:00:00Z"),
                    Map.of("serviceId", "garden", "decision", "not-suitable", "reasonCode", "cost", "recordedAt", "2026-12-03T10:59:00Z")));

    @Test
    void eachProposalCarriesItsReasonsAndTheLatestVerdict() {
        Matches matches = Matches.of(MATCH, List.of());

        assertThat(matches.stored()).isTrue();
        assertThat(matches.proposals()).extracting(Matches.Proposal::rank).containsExactly(1, 2);
        Matches.Proposal walk = matches.proposals().get(0);
        assertThat(walk.reasons()).containsExactly("0.7 km away", "free");
        assertThat(walk.verdict().chosen()).isTrue();
        Matches.Proposal garden = matches.proposals().get(1);
        assertThat(garden.reasonsAgainst()).containsExactly("runs Saturday mornings");
        // the later verdict wins whatever the order of the list
        assertThat(garden.verdict().chosen()).isTrue();
        assertThat(matches.excluded()).singleElement().satisfies(e -> {
            assertThat(e.serviceName()).isEqualTo("Telephone befriending");
            assertThat(e.reasons()).hasSize(1);
        });
        assertThat(matches.has("garden")).isTrue();
        assertThat(matches.has("phone")).isFalse();
    }

    @Test
    void theLatestActivityReferralToAnActivitySaysWhetherOneIsOpen() {
        List<Object> activities = List.of(
                Map.of("id", "a1", "serviceId", "walk", "status", "cancelled", "requestedAt", "2026-12-03T08:30:47.629559Z"),
                Map.of("id", "a2", "serviceId", "walk", "status", "requested", "requestedAt", "2026-12-03T08:40:00Z"),
                Map.of("id", "a3", "serviceId", "garden", "status", "rejected", "requestedAt", "2026-12-03T08:41:00Z"));

        Matches matches = Matches.of(MATCH, activities);

        assertThat(matches.proposals().get(0).activity()).containsEntry("id", "a2");
        assertThat(matches.proposals().get(0).activityOpen()).isTrue();
        assertThat(matches.proposals().get(1).activityOpen()).isFalse();
    }

    @Test
    void anEmptyProposalIsEmpty() {
        Matches matches = Matches.of(Map.of("stored", false, "proposals", List.of(), "excluded", List.of()), List.of());

        assertThat(matches.empty()).isTrue();
        assertThat(matches.stored()).isFalse();
        assertThat(matches.proposals()).isEmpty();
    }
}
