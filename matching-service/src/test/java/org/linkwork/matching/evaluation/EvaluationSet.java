package org.linkwork.matching.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.matching.place.GeoPoint;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.matching.scoring.MatchScorer;
import org.linkwork.matching.scoring.Person;
import org.linkwork.matching.scoring.Ranking;

/**
 * The evaluation set: a fixed directory of 49 Leeds activities ({@code evaluation/directory.json})
 * and 26 assessed referrals, each with the activities an experienced link worker would put in
 * front of the person ({@code evaluation/cases.json}), written from the case, not from the scores.
 */
public final class EvaluationSet {

    /** Freshness is judged against this day, so the set gives the same answer every day. */
    public static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    public static final int K = 5;

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** One assessed referral of the set, with the link worker's choices. */
    public record Case(@com.fasterxml.jackson.annotation.JsonProperty("case") String name, String district, List<String> needs, List<String> goalAreas, List<String> interests,
            List<String> deliveryModes, List<String> days, List<String> timesOfDay, String setting, String language,
            List<String> healthConditions, List<String> accessibilityRequirements, String digitalAccess, Double maxTravelKm,
            boolean publicTransportOnly, boolean costSensitive, String ageBand, List<String> chosen) {

        public ReferralAssessed assessment() {
            return new ReferralAssessed(UUID.nameUUIDFromBytes(name.getBytes()).toString(), "p-" + UUID.nameUUIDFromBytes(district.getBytes()),
                    "Y90001", "lw.demo", needs, goalAreas, interests,
                    new ReferralAssessed.Preferences(deliveryModes, days, timesOfDay, setting, language), healthConditions,
                    accessibilityRequirements, digitalAccess, new ReferralAssessed.Travel(district, maxTravelKm, publicTransportOnly),
                    costSensitive, ageBand, false, Instant.parse("2026-06-01T10:00:00Z"));
        }
    }

    /** How one case went: the top K proposed and how many of the link worker's choices are among them. */
    public record Result(Case evaluated, List<String> proposed, int hits) {

        /** Precision at K, out of what could be hit: a case with two right answers scores 1 when both are in the top K. */
        public double precision() {
            return (double) hits / Math.min(K, evaluated.chosen().size());
        }
    }

    private EvaluationSet() {
    }

    public static List<Activity> directory() {
        return read("/evaluation/directory.json", new TypeReference<List<DirectoryServiceChanged>>() {
        }).stream().map(Activity::of).toList();
    }

    public static List<Case> cases() {
        return read("/evaluation/cases.json", new TypeReference<List<Case>>() {
        });
    }

    /** Runs every case through the scorer, placing people with the geocoder. */
    public static List<Result> evaluate(MatchScorer scorer, Function<String, GeoPoint> geocoder) {
        List<Activity> directory = directory();
        List<Result> results = new ArrayList<>();
        for (Case c : cases()) {
            Person person = Person.from(c.assessment(), geocoder.apply(c.district()));
            Ranking ranking = scorer.rank(person, directory, K, 0, TODAY);
            List<String> proposed = ranking.proposals().stream().map(p -> p.activity().serviceId()).toList();
            int hits = (int) proposed.stream().filter(c.chosen()::contains).count();
            results.add(new Result(c, proposed, hits));
        }
        return results;
    }

    public static double meanPrecision(List<Result> results) {
        return results.stream().mapToDouble(Result::precision).average().orElse(0);
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = EvaluationSet.class.getResourceAsStream(resource)) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
