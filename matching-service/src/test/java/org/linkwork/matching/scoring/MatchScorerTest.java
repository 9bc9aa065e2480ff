package org.linkwork.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linkwork.matching.place.GeoPoint;

class MatchScorerTest {

    /** The person's district centroid; the sites below are placed by their offset north of it. */
    private static final GeoPoint HOME = new GeoPoint(53.8250, -1.5700);
    private static final double KM_PER_DEGREE_OF_LATITUDE = Math.PI * 6371.0088 / 180;

    private final MatchScorer scorer = new MatchScorer(MatchWeights.DEFAULT);

    private static GeoPoint kmNorth(double km) {
        return new GeoPoint(HOME.latitude() + km / KM_PER_DEGREE_OF_LATITUDE, HOME.longitude());
    }

    private static PersonNeeds person(Set<String> modes, Double maxTravelKm) {
        return new PersonNeeds(List.of("loneliness", "physical-activity"), modes, maxTravelKm, HOME);
    }

    private static Candidate service(String id, Set<String> needs, Set<String> modes, Integer places, GeoPoint... sites) {
        return new Candidate(id, "Service " + id, "org-" + id, "active", needs, modes, places, List.of(sites));
    }

    private static final Set<String> BOTH = Set.of("loneliness", "physical-activity");
    private static final Set<String> IN_PERSON = Set.of("in-person");

    @Test
    void aCloseServiceMeetingEveryNeedScoresAsDocumented() {
        ScoredCandidate scored = scorer.score(person(IN_PERSON, 5.0), service("walk", BOTH, IN_PERSON, 3, kmNorth(2.1))).orElseThrow();
        // 0.6 * 2/2 + 0.3 * (1 - 2.1/5) + 0.1 * 1
        assertThat(scored.score()).isEqualTo(0.874);
        assertThat(scored.distanceKm()).isEqualTo(2.1);
        assertThat(scored.reasons()).containsExactly("meets 2 of 2 needs: loneliness, physical-activity", "2.1 km away",
                "in person, as preferred", "3 places left");
    }

    @Test
    void theNearestSiteCountsAndDistancesAreRoundedToATenth() {
        ScoredCandidate scored = scorer.score(person(IN_PERSON, 5.0),
                service("walk", BOTH, IN_PERSON, null, kmNorth(4.0), kmNorth(1.234), kmNorth(3.0))).orElseThrow();
        assertThat(scored.distanceKm()).isEqualTo(1.2);
        assertThat(scored.reasons()).contains("1.2 km away").noneMatch(r -> r.contains("place"));
    }

    @Test
    void partlyMetNeedsCountInProportionAndAreNamed() {
        ScoredCandidate scored = scorer.score(person(IN_PERSON, 5.0),
                service("shed", Set.of("physical-activity", "debt"), IN_PERSON, 1, kmNorth(0))).orElseThrow();
        // 0.6 * 1/2 + 0.3 * 1 + 0.1
        assertThat(scored.score()).isEqualTo(0.7);
        assertThat(scored.reasons()).containsExactly("meets 1 of 2 needs: physical-activity", "0.0 km away",
                "in person, as preferred", "1 place left");
        ScoredCandidate single = scorer.score(new PersonNeeds(List.of("debt"), Set.of(), null, null),
                service("advice", Set.of("debt"), Set.of("telephone"), null)).orElseThrow();
        assertThat(single.reasons()).containsExactly("meets 1 of 1 need: debt");
    }

    @Test
    void withoutAStatedLimitTwentyKilometresIsTheReach() {
        ScoredCandidate scored = scorer.score(person(IN_PERSON, null), service("walk", BOTH, IN_PERSON, null, kmNorth(5))).orElseThrow();
        // 0.6 + 0.3 * (1 - 5/20) + 0.1
        assertThat(scored.score()).isEqualTo(0.925);
        ScoredCandidate far = scorer.score(person(IN_PERSON, null), service("far", BOTH, IN_PERSON, null, kmNorth(30))).orElseThrow();
        assertThat(far.score()).isEqualTo(0.7);
        assertThat(far.distanceKm()).isEqualTo(30.0);
    }

    @Test
    void anUnknownDistanceAddsNothing() {
        PersonNeeds nowhere = new PersonNeeds(List.of("loneliness", "physical-activity"), IN_PERSON, 5.0, null);
        ScoredCandidate scored = scorer.score(nowhere, service("walk", BOTH, IN_PERSON, null, kmNorth(50))).orElseThrow();
        assertThat(scored.distanceKm()).isNull();
        assertThat(scored.score()).isEqualTo(0.7);
        assertThat(scored.reasons()).noneMatch(r -> r.contains("km"));
        ScoredCandidate unlocated = scorer.score(person(IN_PERSON, 5.0), service("walk", BOTH, IN_PERSON, null)).orElseThrow();
        assertThat(unlocated.distanceKm()).isNull();
    }

    @Test
    void theModeShareNeedsAPreferredModeOrNoPreference() {
        Candidate online = service("online", BOTH, Set.of("online", "telephone"), null);
        assertThat(scorer.score(person(Set.of("online"), 5.0), online).orElseThrow().reasons()).contains("online, as preferred");
        assertThat(scorer.score(person(Set.of("telephone", "online"), 5.0), online).orElseThrow().reasons())
                .contains("online or by telephone, as preferred");
        // no preference: any mode suits
        assertThat(scorer.score(person(Set.of(), 5.0), online).orElseThrow().score()).isEqualTo(0.7);
        // a service that does not say how it runs is kept but earns no mode share
        ScoredCandidate unstated = scorer.score(person(IN_PERSON, 5.0), service("unstated", BOTH, Set.of(), null)).orElseThrow();
        assertThat(unstated.score()).isEqualTo(0.6);
        assertThat(unstated.reasons()).noneMatch(r -> r.contains("preferred"));
    }

    @Test
    void hardConstraintsLeaveServicesOut() {
        PersonNeeds person = person(IN_PERSON, 5.0);
        assertThat(scorer.score(person, service("full", BOTH, IN_PERSON, 0, kmNorth(1)))).isEmpty();
        assertThat(scorer.score(person, service("too-far", BOTH, IN_PERSON, 5, kmNorth(5.2)))).isEmpty();
        assertThat(scorer.score(person, service("online-only", BOTH, Set.of("online"), 5))).isEmpty();
        assertThat(scorer.score(person, service("no-shared-need", Set.of("debt"), IN_PERSON, 5, kmNorth(1)))).isEmpty();
        assertThat(scorer.score(person, new Candidate("closed", "Closed", "org", "temporarily closed", BOTH, IN_PERSON, 5,
                List.of(kmNorth(1))))).isEmpty();
        // the person only wants online: an in-person-only service is out, wherever it is
        assertThat(scorer.score(person(Set.of("online"), null), service("hall", BOTH, IN_PERSON, 5, kmNorth(0.1)))).isEmpty();
    }

    @Test
    void distanceRulesOutOnlyInPersonOnlyServicesWhenBothPlacesAndTheLimitAreKnown() {
        // exactly at the limit is still within it
        assertThat(scorer.score(person(IN_PERSON, 5.0), service("edge", BOTH, IN_PERSON, 5, kmNorth(5.04)))).isPresent();
        // a service that also runs online stays, with no closeness share
        ScoredCandidate hybrid = scorer.score(person(Set.of("in-person", "online"), 5.0),
                service("hybrid", BOTH, Set.of("in-person", "online"), null, kmNorth(40))).orElseThrow();
        assertThat(hybrid.score()).isEqualTo(0.7);
        assertThat(hybrid.reasons()).contains("40.0 km away", "in person or online, as preferred");
        // no stated limit: nothing is too far
        assertThat(scorer.score(person(IN_PERSON, null), service("far", BOTH, IN_PERSON, null, kmNorth(80)))).isPresent();
        // unknown place: nothing is too far either
        PersonNeeds nowhere = new PersonNeeds(List.of("loneliness"), IN_PERSON, 5.0, null);
        assertThat(scorer.score(nowhere, service("far", BOTH, IN_PERSON, null, kmNorth(80)))).isPresent();
    }

    @Test
    void aPersonWhoCannotTravelIsOnlyMatchedOnTheSpot() {
        assertThat(scorer.score(person(IN_PERSON, 0.0), service("next-door", BOTH, IN_PERSON, null, kmNorth(0.01)))
                .orElseThrow().score()).isEqualTo(1.0);
        assertThat(scorer.score(person(IN_PERSON, 0.0), service("down-the-road", BOTH, IN_PERSON, null, kmNorth(0.3)))).isEmpty();
        assertThat(MatchScorer.closeness(0.3, 0.0)).isZero();
    }

    @Test
    void rankingIsByScoreThenDistanceThenServiceId() {
        PersonNeeds person = person(Set.of("in-person", "online"), 5.0);
        Set<String> hybrid = Set.of("in-person", "online");
        List<Candidate> candidates = new ArrayList<>(List.of(
                service("c-far", BOTH, hybrid, null, kmNorth(30)),
                service("b-farther", BOTH, hybrid, null, kmNorth(40)),
                service("z-unlocated", BOTH, hybrid, null),
                service("a-unlocated", BOTH, hybrid, null),
                service("best", BOTH, hybrid, null, kmNorth(1)),
                service("half", Set.of("loneliness"), hybrid, null, kmNorth(1))));
        List<String> expected = List.of("best", "c-far", "b-farther", "a-unlocated", "z-unlocated", "half");
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(candidates);
            List<ScoredCandidate> ranked = scorer.rank(person, candidates, 10);
            assertThat(ranked).extracting(s -> s.candidate().serviceId()).containsExactlyElementsOf(expected);
        }
        assertThat(scorer.rank(person, candidates, 2)).extracting(s -> s.candidate().serviceId()).containsExactly("best", "c-far");
        assertThat(scorer.rank(person, List.of(), 5)).isEmpty();
    }

    @Test
    void weightsAreRelativeSoTheScoreStaysWithinZeroAndOne() {
        MatchScorer needsOnly = new MatchScorer(new MatchWeights(2, 0, 0));
        assertThat(needsOnly.score(person(IN_PERSON, 5.0), service("shed", Set.of("loneliness"), IN_PERSON, null, kmNorth(0)))
                .orElseThrow().score()).isEqualTo(0.5);
        MatchScorer heavy = new MatchScorer(new MatchWeights(3, 3, 3));
        assertThat(heavy.score(person(IN_PERSON, 5.0), service("walk", BOTH, IN_PERSON, null, kmNorth(0))).orElseThrow().score())
                .isCloseTo(1.0, within(1e-9));
        assertThatThrownBy(() -> new MatchWeights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWeights(-0.1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MatchWeights(Double.NaN, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatedOrEmptyNeedsCountOnceOrNotAtAll() {
        PersonNeeds person = new PersonNeeds(java.util.Arrays.asList("loneliness", null, "loneliness", "debt"),
                new java.util.HashSet<>(java.util.Arrays.asList("online", null)), null, null);
        assertThat(person.deliveryModes()).containsExactly("online");
        assertThat(person.needs()).containsExactly("loneliness", "debt");
        assertThat(scorer.score(person, service("befriend", Set.of("loneliness"), Set.of("online"), null)).orElseThrow().reasons())
                .first().isEqualTo("meets 1 of 2 needs: loneliness");
    }
}
