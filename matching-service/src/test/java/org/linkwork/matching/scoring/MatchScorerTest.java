package org.linkwork.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.linkwork.matching.scoring.ActivityBuilder.activity;

import java.time.LocalDate;
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
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final Set<String> IN_PERSON = Set.of("in-person");

    /** The first version's score: needs, distance and mode only, so its numbers stay easy to check by hand. */
    private final MatchScorer legacy = new MatchScorer(MatchWeights.needsDistanceMode(0.6, 0.3, 0.1));
    private final MatchScorer scorer = new MatchScorer(MatchWeights.DEFAULT);

    private static GeoPoint kmNorth(double km) {
        return new GeoPoint(HOME.latitude() + km / KM_PER_DEGREE_OF_LATITUDE, HOME.longitude());
    }

    private static Person person(Set<String> modes, Double maxTravelKm) {
        return Person.withNeeds(List.of("loneliness", "physical-activity"), modes, maxTravelKm, HOME);
    }

    /** Everything a link worker might record, for the rich cases. */
    private static Person walker() {
        return new Person(List.of("loneliness", "physical-activity"), List.of("physical-activity"), List.of("walking"), IN_PERSON,
                List.of("tue"), List.of("morning"), "group", "en", Set.of(), Set.of(), "full", HOME, 5.0, false, true, "65-74");
    }

    private static Ranking rank(MatchScorer scorer, Person person, Activity... activities) {
        return scorer.rank(person, List.of(activities), 5, 5, TODAY);
    }

    private static Ranking.Proposal proposed(MatchScorer scorer, Person person, Activity activity) {
        Ranking ranking = rank(scorer, person, activity);
        assertThat(ranking.proposals()).as("proposed").hasSize(1);
        return ranking.proposals().get(0);
    }

    private static List<String> excludedBecause(MatchScorer scorer, Person person, Activity activity) {
        Ranking ranking = rank(scorer, person, activity);
        assertThat(ranking.proposals()).as("proposals").isEmpty();
        assertThat(ranking.excluded()).as("excluded").hasSize(1);
        return ranking.excluded().get(0).reasons();
    }

    @Test
    void aCloseServiceMeetingEveryNeedScoresAsDocumented() {
        Ranking.Proposal p = proposed(legacy, person(IN_PERSON, 5.0), activity("walk").places(3).at(kmNorth(2.1)).build());
        // 0.6 * 2/2 + 0.3 * (1 - 2.1/5) + 0.1 * 1
        assertThat(p.score()).isEqualTo(0.874);
        assertThat(p.distanceKm()).isEqualTo(2.1);
        assertThat(p.reasons()).containsExactly("meets 2 of 2 needs: loneliness, physical-activity", "2.1 km away",
                "in person, as preferred", "3 places left");
        assertThat(p.reasonsAgainst()).isEmpty();
    }

    @Test
    void everyPartOfTheFitCountsWithTheDefaultWeights() {
        Activity suits = activity("suits").codes("loneliness", "physical-activity", "walking").at(kmNorth(1.0))
                .session("10:00", "11:30", "tue").setting("group").free(true).places(3).assured(LocalDate.parse("2026-03-01")).build();
        Ranking.Proposal p = proposed(scorer, walker(), suits);
        // every fit is 1 but closeness, 1 - 1/5: 1 - 0.20 * 0.2
        assertThat(p.score()).isEqualTo(0.96);
        assertThat(p.reasons()).containsExactly("meets 2 of 2 needs: loneliness, physical-activity",
                "supports the person's goals: physical-activity", "1.0 km away", "in person, as preferred", "Tuesday mornings, as preferred",
                "matches interests: walking", "in a group, as preferred", "free", "3 places left");
        assertThat(p.reasonsAgainst()).isEmpty();

        Activity awkward = activity("awkward").codes("loneliness", "physical-activity", "walking").at(kmNorth(1.0))
                .session("14:00", "16:00", "sat").setting("one-to-one").free(false).languages("pl").places(3)
                .assured(LocalDate.parse("2024-01-01")).build();
        Ranking.Proposal q = proposed(scorer, walker(), awkward);
        // schedule, setting, language, cost and freshness count 0: 0.35 + 0.05 + 0.2 * 0.8 + 0.05 + 0.1
        assertThat(q.score()).isEqualTo(0.71);
        assertThat(q.reasonsAgainst()).containsExactly("runs Saturday afternoons, not at the times that suit",
                "one-to-one; the person prefers a group", "runs in Polish, not English", "has a cost",
                "details last confirmed by the provider on 2024-01-01");
    }

    @Test
    void theNearestSiteCountsAndDistancesAreRoundedToATenth() {
        Ranking.Proposal p = proposed(legacy, person(IN_PERSON, 5.0), activity("walk").at(kmNorth(4.0), kmNorth(1.234), kmNorth(3.0)).build());
        assertThat(p.distanceKm()).isEqualTo(1.2);
        assertThat(p.reasons()).contains("1.2 km away").noneMatch(r -> r.contains("place"));
    }

    @Test
    void partlyMetNeedsCountInProportionAndTheRestIsNamedAgainst() {
        Ranking.Proposal p = proposed(legacy, person(IN_PERSON, 5.0), activity("shed").codes("physical-activity", "debt").places(1)
                .at(kmNorth(0)).build());
        // 0.6 * 1/2 + 0.3 * 1 + 0.1
        assertThat(p.score()).isEqualTo(0.7);
        assertThat(p.reasons()).containsExactly("meets 1 of 2 needs: physical-activity", "0.0 km away", "in person, as preferred",
                "1 place left");
        assertThat(p.reasonsAgainst()).containsExactly("does not address loneliness");
        Ranking.Proposal single = proposed(legacy, Person.withNeeds(List.of("debt"), Set.of(), null, null),
                activity("advice").codes("debt").modes("telephone").build());
        assertThat(single.reasons()).containsExactly("meets 1 of 1 need: debt");
    }

    @Test
    void withoutAStatedLimitTheDefaultIsBothReachAndLimit() {
        Ranking.Proposal p = proposed(legacy, person(IN_PERSON, null), activity("walk").at(kmNorth(5)).build());
        // 0.6 + 0.3 * (1 - 5/20) + 0.1
        assertThat(p.score()).isEqualTo(0.925);
        assertThat(excludedBecause(legacy, person(IN_PERSON, null), activity("far").at(kmNorth(25)).build()))
                .containsExactly("25.0 km away, beyond the 20 km the person can travel");
        MatchScorer wider = new MatchScorer(MatchWeights.DEFAULT, new MatchRules(40, 0.5, 8, 12));
        assertThat(proposed(wider, person(IN_PERSON, null), activity("far").at(kmNorth(25)).build()).distanceKm()).isEqualTo(25.0);
    }

    @Test
    void anUnknownDistanceAddsNothingAndRulesNothingOut() {
        Person nowhere = Person.withNeeds(List.of("loneliness", "physical-activity"), IN_PERSON, 5.0, null);
        Ranking.Proposal p = proposed(legacy, nowhere, activity("walk").at(kmNorth(50)).build());
        assertThat(p.distanceKm()).isNull();
        assertThat(p.score()).isEqualTo(0.7);
        assertThat(p.reasons()).noneMatch(r -> r.contains("km"));
        assertThat(proposed(legacy, person(IN_PERSON, 5.0), activity("unlocated").build()).distanceKm()).isNull();
    }

    @Test
    void theModeShareNeedsAPreferredModeOrNoPreference() {
        Activity online = activity("online").modes("online", "telephone").build();
        assertThat(proposed(legacy, person(Set.of("online"), 5.0), online).reasons()).contains("online, as preferred");
        assertThat(proposed(legacy, person(Set.of("telephone", "online"), 5.0), online).reasons()).contains("online or by telephone, as preferred");
        // no preference: any mode suits; taking part from home counts as half close
        assertThat(proposed(legacy, person(Set.of(), 5.0), online).score()).isEqualTo(0.85);
        // a service that does not say how it runs is kept but earns no mode share, and that is said
        Ranking.Proposal unstated = proposed(legacy, person(IN_PERSON, 5.0), activity("unstated").modes().build());
        assertThat(unstated.score()).isEqualTo(0.6);
        assertThat(unstated.reasons()).noneMatch(r -> r.contains("preferred"));
        assertThat(unstated.reasonsAgainst()).containsExactly("does not say whether it runs in person, online or by telephone");
    }

    @Test
    void inactiveServicesAndServicesMeetingNoNeedAreNotEvenNearMisses() {
        Ranking ranking = rank(scorer, person(IN_PERSON, 5.0), activity("debt").codes("debt").at(kmNorth(1)).build(),
                activity("closed").status("temporarily closed").at(kmNorth(1)).build());
        assertThat(ranking.proposals()).isEmpty();
        assertThat(ranking.excluded()).isEmpty();
    }

    @Test
    void noPlacesLeftRulesItOut() {
        assertThat(excludedBecause(scorer, person(IN_PERSON, 5.0), activity("full").places(0).at(kmNorth(1)).build()))
                .containsExactly("no places left");
    }

    @Test
    void beyondTheTravelLimitRulesOutWhatOnlyRunsAtAVenue() {
        assertThat(excludedBecause(scorer, person(IN_PERSON, 5.0), activity("too-far").at(kmNorth(5.2)).build()))
                .containsExactly("5.2 km away, beyond the 5 km the person can travel");
        // exactly at the limit is still within it
        assertThat(proposed(scorer, person(IN_PERSON, 5.0), activity("edge").at(kmNorth(5.04)).build()).distanceKm()).isEqualTo(5.0);
        // far beyond the limit (over 1.5 times) is not a near-miss either
        Ranking farAway = rank(scorer, person(IN_PERSON, 5.0), activity("far").at(kmNorth(8)).build());
        assertThat(farAway.proposals()).isEmpty();
        assertThat(farAway.excluded()).isEmpty();
        // a service that also runs online stays, for taking part from home
        Ranking.Proposal hybrid = proposed(legacy, person(Set.of("in-person", "online"), 5.0),
                activity("hybrid").modes("in-person", "online").at(kmNorth(40)).build());
        assertThat(hybrid.score()).isEqualTo(0.85);
        assertThat(hybrid.reasons()).contains("40.0 km away", "in person or online, as preferred");
        assertThat(hybrid.reasonsAgainst()).containsExactly("the venue is further than the person can travel: from home only");
    }

    @Test
    void aPersonWhoCannotTravelIsOnlyMatchedOnTheSpot() {
        assertThat(proposed(legacy, person(IN_PERSON, 0.0), activity("next-door").at(kmNorth(0.01)).build()).score()).isEqualTo(1.0);
        // nothing at a venue is near enough to be even a near-miss
        Ranking ranking = rank(legacy, person(IN_PERSON, 0.0), activity("down-the-road").at(kmNorth(0.3)).build());
        assertThat(ranking.proposals()).isEmpty();
        assertThat(ranking.excluded()).isEmpty();
        assertThat(MatchScorer.closeness(0.3, 0.0)).isZero();
    }

    @Test
    void modesThePersonDoesNotWantRuleItOut() {
        assertThat(excludedBecause(scorer, person(IN_PERSON, 5.0), activity("online-only").modes("online").build()))
                .containsExactly("runs only online; the person wants in person");
        assertThat(excludedBecause(scorer, person(Set.of("online"), null), activity("hall").at(kmNorth(0.1)).build()))
                .containsExactly("runs only in person; the person wants online");
    }

    @Test
    void someoneWithoutInternetIsNotOfferedWhatRunsOnlyOnline() {
        Person offline = new Person(List.of("loneliness"), null, null, null, null, null, null, null, null, null, "none", HOME, 5.0, false,
                false, null);
        assertThat(excludedBecause(scorer, offline, activity("webinar").modes("online").build()))
                .containsExactly("online only, and the person has no internet access");
        // online or by telephone: the telephone will do
        assertThat(proposed(scorer, offline, activity("calls").modes("online", "telephone").build()).reasons()).first()
                .isEqualTo("meets 1 of 1 need: loneliness");
        // limited access: kept, with a word of warning
        Person limited = new Person(List.of("loneliness"), null, null, null, null, null, null, null, null, null, "limited", HOME, 5.0,
                false, false, null);
        assertThat(proposed(scorer, limited, activity("webinar").modes("online").build()).reasonsAgainst())
                .containsExactly("online: the person may need help to get connected");
    }

    @Test
    void anAccessibilityRequirementNeedsItsFeature() {
        Person mobility = new Person(List.of("loneliness"), null, null, null, null, null, null, null, null, Set.of("limited-mobility"),
                "full", HOME, 5.0, false, false, null);
        assertThat(excludedBecause(scorer, mobility, activity("stairs").at(kmNorth(1)).build())).containsExactly("no step-free access listed");
        assertThat(proposed(scorer, mobility, activity("ramp").features("step-free-access").at(kmNorth(1)).build()).reasons())
                .contains("step-free access");
        // the venue's steps do not matter to someone who can join by telephone
        Ranking.Proposal phone = proposed(scorer, mobility, activity("hybrid").modes("in-person", "telephone").at(kmNorth(1)).build());
        assertThat(phone.reasonsAgainst()).containsExactly("no step-free access listed: from home only");
        // but an activity requirement goes wherever the activity does
        Person gentle = new Person(List.of("physical-activity"), null, null, null, null, null, null, null, null,
                Set.of("no-strenuous-activity", "hearing-loop"), "full", HOME, 5.0, false, false, null);
        assertThat(excludedBecause(scorer, gentle, activity("bootcamp").modes("in-person", "online").features("hearing-loop").at(kmNorth(1))
                .build())).containsExactly("no low-intensity option listed");
        assertThat(excludedBecause(scorer, gentle, activity("aerobics").at(kmNorth(1)).build()))
                .containsExactly("no hearing loop listed", "no low-intensity option listed");
    }

    @Test
    void ageLimitsRuleOutOnlyAWholeBandOutside() {
        Person older = new Person(List.of("loneliness"), null, null, null, null, null, null, null, null, null, null, HOME, 5.0, false,
                false, "75+");
        assertThat(excludedBecause(scorer, older, activity("youth").ages(18, 64).at(kmNorth(1)).build()))
                .containsExactly("for ages 18 to 64 only");
        Person fifties = new Person(List.of("loneliness"), null, null, null, null, null, null, null, null, null, null, HOME, 5.0, false,
                false, "50-64");
        assertThat(proposed(scorer, fifties, activity("over-55s").ages(55, null).at(kmNorth(1)).build()).reasonsAgainst())
                .containsExactly("for ages 55 and over only: check the person's age");
        assertThat(MatchScorer.ageBand("0-17")).containsExactly(0, 17);
        assertThat(MatchScorer.ageBand("75+")).containsExactly(75, 120);
        assertThat(MatchScorer.ageBand("old")).isNull();
    }

    @Test
    void conditionSpecificServicesAreOnlyForThoseConditions() {
        Activity diabetes = activity("diabetes").onlyFor("diabetes").at(kmNorth(1)).build();
        assertThat(excludedBecause(scorer, person(IN_PERSON, 5.0), diabetes)).containsExactly("only for people with diabetes");
        Person withDiabetes = new Person(List.of("loneliness"), null, null, null, null, null, null, null, Set.of("diabetes"), null, null,
                HOME, 5.0, false, false, null);
        assertThat(proposed(scorer, withDiabetes, diabetes).reasons()).contains("for people with diabetes");
    }

    @Test
    void aPersonOnPublicTransportHearsAboutLongJourneys() {
        Person bus = new Person(List.of("loneliness"), null, null, null, null, null, null, null, null, null, null, HOME, 20.0, true,
                false, null);
        assertThat(proposed(scorer, bus, activity("across-town").at(kmNorth(10)).build()).reasonsAgainst())
                .containsExactly("a 10.0 km journey by public transport");
        assertThat(proposed(scorer, bus, activity("near").at(kmNorth(3)).build()).reasonsAgainst()).isEmpty();
    }

    @Test
    void languageAndSettingAreNamedWhenTheyFit() {
        Person polish = new Person(List.of("loneliness"), null, null, null, null, null, "one-to-one", "pl", null, null, null, HOME, 5.0,
                false, false, null);
        Ranking.Proposal p = proposed(scorer, polish, activity("cafe").languages("en", "pl").setting("either").at(kmNorth(1)).build());
        assertThat(p.reasons()).contains("in Polish, as preferred", "one-to-one, as preferred");
    }

    @Test
    void sessionsArePlacedInThePartsOfTheDayTheyTouch() {
        assertThat(Activity.partsOfDay("11:00", "13:00")).isEqualTo(0b011);
        assertThat(Activity.partsOfDay("18:00", null)).isEqualTo(0b100);
        assertThat(Activity.partsOfDay("16:30", "17:30")).isEqualTo(0b110);
        assertThat(Activity.partsOfDay(null, null)).isEqualTo(0b111);
        Person anyTimeTuesday = walker().withWhen(List.of("tue", "thu"), List.of());
        Activity twice = activity("twice").at(kmNorth(1)).session("10:00", "11:00", "tue", "thu").build();
        assertThat(proposed(scorer, anyTimeTuesday, twice).reasons()).contains("On Tuesday and Thursday, as preferred");
        Activity evening = activity("evening").at(kmNorth(1)).session("19:00", "21:00", "tue").build();
        // the right day at another time counts half
        assertThat(proposed(scorer, walker(), evening).reasonsAgainst()).contains("runs Tuesday evenings, not at the times that suit");
    }

    @Test
    void nearMissesAreThoseThatWouldHaveBeenProposed() {
        Person person = person(IN_PERSON, 5.0);
        List<Activity> candidates = List.of(
                activity("a-best").at(kmNorth(0.5)).build(),
                activity("b-good").at(kmNorth(1.5)).build(),
                activity("c-fair").at(kmNorth(3.5)).build(),
                activity("d-full-close").places(0).at(kmNorth(0.2)).build(),
                activity("e-full-far").places(0).at(kmNorth(4.5)).build());
        Ranking ranking = scorer.rank(person, candidates, 2, 5, TODAY);
        assertThat(ranking.proposals()).extracting(p -> p.activity().serviceId()).containsExactly("a-best", "b-good");
        // the far full one would not have made the top two anyway
        assertThat(ranking.excluded()).extracting(e -> e.activity().serviceId()).containsExactly("d-full-close");
        assertThat(scorer.rank(person, candidates, 2, 0, TODAY).excluded()).isEmpty();
    }

    @Test
    void rankingIsByScoreThenDistanceThenServiceId() {
        Person person = person(Set.of("in-person", "online"), 5.0);
        List<Activity> candidates = new ArrayList<>(List.of(
                activity("c-far").modes("in-person", "online").at(kmNorth(30)).build(),
                activity("b-farther").modes("in-person", "online").at(kmNorth(40)).build(),
                activity("z-unlocated").modes("in-person", "online").build(),
                activity("a-unlocated").modes("in-person", "online").build(),
                activity("best").modes("in-person", "online").at(kmNorth(1)).build(),
                activity("half").codes("loneliness").modes("in-person", "online").at(kmNorth(1)).build()));
        List<String> expected = List.of("best", "c-far", "b-farther", "a-unlocated", "z-unlocated", "half");
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(candidates);
            assertThat(legacy.rank(person, candidates, 10, 0, TODAY).proposals()).extracting(p -> p.activity().serviceId())
                    .containsExactlyElementsOf(expected);
        }
        assertThat(legacy.rank(person, candidates, 2, 0, TODAY).proposals()).extracting(p -> p.activity().serviceId())
                .containsExactly("best", "c-far");
        assertThat(legacy.rank(person, List.of(), 5, 5, TODAY).proposals()).isEmpty();
    }

    @Test
    void weightsAreRelativeSoTheScoreStaysWithinZeroAndOne() {
        MatchScorer needsOnly = new MatchScorer(MatchWeights.needsDistanceMode(2, 0, 0));
        assertThat(proposed(needsOnly, person(IN_PERSON, 5.0), activity("shed").codes("loneliness").at(kmNorth(0)).build()).score())
                .isEqualTo(0.5);
        MatchScorer heavy = new MatchScorer(MatchWeights.needsDistanceMode(3, 3, 3));
        assertThat(proposed(heavy, person(IN_PERSON, 5.0), activity("walk").at(kmNorth(0)).build()).score()).isCloseTo(1.0, within(1e-9));
        assertThat(MatchWeights.DEFAULT.total()).isCloseTo(1.0, within(1e-9));
        assertThatThrownBy(() -> MatchWeights.needsDistanceMode(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchWeights.needsDistanceMode(-0.1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatchWeights.needsDistanceMode(Double.NaN, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatedOrEmptyNeedsCountOnceOrNotAtAll() {
        Person person = Person.withNeeds(java.util.Arrays.asList("loneliness", null, "loneliness", "debt"),
                new java.util.HashSet<>(java.util.Arrays.asList("online", null)), null, null);
        assertThat(person.deliveryModes()).containsExactly("online");
        assertThat(person.needs()).containsExactly("loneliness", "debt");
        assertThat(proposed(legacy, person, activity("befriend").codes("loneliness").modes("online").build()).reasons()).first()
                .isEqualTo("meets 1 of 2 needs: loneliness");
    }
}
