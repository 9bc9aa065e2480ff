package org.linkwork.matching.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.matching.benchmark.DirectoryGenerator;
import org.linkwork.matching.place.GeoPoint;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.matching.scoring.MatchScorer;
import org.linkwork.matching.scoring.MatchWeights;
import org.linkwork.matching.scoring.Person;
import org.linkwork.matching.scoring.Ranking;

class DirectoryIndexTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private final MatchScorer scorer = new MatchScorer(MatchWeights.DEFAULT);

    private static Ranking viaIndex(MatchScorer scorer, DirectoryIndex index, Person person) {
        MatchScorer.Ranker ranker = scorer.ranker(person, 5, 5, TODAY);
        index.candidates(ranker.needMask(), person.place(), ranker.searchRadiusKm(), ranker);
        return ranker.ranking();
    }

    private static List<String> ids(Ranking r) {
        List<String> ids = new ArrayList<>();
        r.proposals().forEach(p -> ids.add(p.activity().serviceId() + "@" + p.score()));
        r.excluded().forEach(e -> ids.add("x:" + e.activity().serviceId() + "@" + e.score()));
        return ids;
    }

    @Test
    void searchingByNeedAndGridFindsWhatScoringEveryActivityFinds() {
        DirectoryGenerator generator = new DirectoryGenerator(7);
        List<DirectoryServiceChanged> services = generator.services(20_000);
        DirectoryIndex index = new DirectoryIndex();
        List<Activity> all = new ArrayList<>();
        for (DirectoryServiceChanged s : services) {
            Activity a = Activity.of(s);
            all.add(a);
            index.put(a, 1);
        }
        assertThat(index.size()).isEqualTo(20_000);
        for (int i = 0; i < 300; i++) {
            Person person = generator.person();
            if (i % 10 == 0) {
                person = new Person(person.needs(), person.goalAreas(), person.interests(), person.deliveryModes(), person.days(),
                        person.timesOfDay(), person.setting(), person.language(), person.healthConditions(),
                        person.accessibilityRequirements(), person.digitalAccess(), null, person.maxTravelKm(), false, false, null);
            }
            Ranking brute = scorer.rank(person, all, 5, 5, TODAY);
            assertThat(ids(viaIndex(scorer, index, person))).as("person %d", i).isEqualTo(ids(brute));
        }
    }

    @Test
    void changesAreAppliedInRevisionOrderAndRemovalsStay() {
        DirectoryGenerator generator = new DirectoryGenerator(3);
        DirectoryServiceChanged s = generator.service(1);
        DirectoryIndex index = new DirectoryIndex();
        assertThat(index.put(Activity.of(s, 5), 2)).isTrue();
        assertThat(index.put(Activity.of(s, 9), 1)).isFalse();
        assertThat(index.get(s.serviceId()).orElseThrow().placesAvailable()).isEqualTo(5);
        assertThat(index.remove(s.serviceId(), 3)).isTrue();
        assertThat(index.put(Activity.of(s, 7), 2)).isFalse();
        assertThat(index.get(s.serviceId())).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(index.put(Activity.of(s, 7), 4)).isTrue();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aMovedVenueIsFoundAtItsNewPlaceOnly() {
        GeoPoint leeds = new GeoPoint(53.80, -1.55);
        GeoPoint york = new GeoPoint(53.96, -1.08);
        DirectoryIndex index = new DirectoryIndex();
        index.put(Activity.of(venue("walk", leeds)), 1);
        assertThat(found(index, leeds)).containsExactly("walk");
        index.put(Activity.of(venue("walk", york)), 2);
        assertThat(found(index, leeds)).isEmpty();
        assertThat(found(index, york)).containsExactly("walk");
        assertThat(index.districtCentroid("YO1")).contains(york);
        assertThat(index.districtCentroid("LS1")).isEmpty();
        index.remove("walk", 3);
        assertThat(found(index, york)).isEmpty();
        assertThat(index.districtCentroid("YO1")).isEmpty();
    }

    private static DirectoryServiceChanged venue(String id, GeoPoint at) {
        String postcode = at.latitude() > 53.9 ? "YO1 7HH" : "LS1 1AA";
        return new DirectoryServiceChanged(id, id, null, "active", "org", "Org", List.of("loneliness"), List.of("in-person"),
                List.of(new DirectoryServiceChanged.Place("site", "Site", postcode, at.latitude(), at.longitude())), List.of(), null,
                List.of(), List.of(), null, null, null, null, null, 1, null);
    }

    private static List<String> found(DirectoryIndex index, GeoPoint at) {
        List<String> ids = new ArrayList<>();
        index.candidates(1, at, 10, a -> ids.add(a.serviceId()));
        return ids;
    }
}
