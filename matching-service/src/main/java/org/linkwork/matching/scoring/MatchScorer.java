package org.linkwork.matching.scoring;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.linkwork.matching.place.GeoPoint;

/**
 * The matching rules, free of storage and messaging so they can be read and tested on their own.
 *
 * <p>Hard constraints leave a service out: it is not active; it meets none of the person's needs;
 * it has no places left; it is in-person only and its nearest site is beyond the person's travel
 * limit (when both places and the limit are known); the person named delivery modes, the service
 * names its own, and they have none in common.
 *
 * <p>The rest are scored: {@code (wNeeds * met/assessed + wDistance * closeness + wMode * modeFit) /
 * (wNeeds + wDistance + wMode)}, where closeness is {@code max(0, 1 - km/maxTravelKm)} (20 km stands
 * in for an unstated limit) and counts 0 when the distance is unknown, and modeFit is 1 when the
 * service offers a mode the person prefers, or when they have no preference.
 *
 * <p>The order is total, so the same inputs always give the same ranking: score descending, then
 * distance ascending (unknown last), then service id.
 */
public final class MatchScorer {

    /** The reach assumed when the person did not say how far they can travel. */
    public static final double DEFAULT_REACH_KM = 20.0;

    static final Comparator<ScoredCandidate> RANKING = Comparator.comparingDouble(ScoredCandidate::score).reversed()
            .thenComparing(ScoredCandidate::distanceKm, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.candidate().serviceId());

    private final MatchWeights weights;

    public MatchScorer(MatchWeights weights) {
        this.weights = weights;
    }

    /** The best {@code limit} candidates that pass the hard constraints, best first. */
    public List<ScoredCandidate> rank(PersonNeeds person, Collection<Candidate> candidates, int limit) {
        return candidates.stream()
                .map(c -> score(person, c))
                .flatMap(Optional::stream)
                .sorted(RANKING)
                .limit(limit)
                .toList();
    }

    /** The candidate scored, or empty when a hard constraint leaves it out. */
    public Optional<ScoredCandidate> score(PersonNeeds person, Candidate candidate) {
        List<String> met = person.needs().stream().filter(candidate.needCodes()::contains).toList();
        if (!Candidate.ACTIVE.equals(candidate.status()) || met.isEmpty()) {
            return Optional.empty();
        }
        if (candidate.placesAvailable() != null && candidate.placesAvailable() <= 0) {
            return Optional.empty();
        }
        List<String> preferredOffered = DeliveryMode.ordered(
                candidate.deliveryModes().stream().filter(person.deliveryModes()::contains).toList());
        if (!person.deliveryModes().isEmpty() && !candidate.deliveryModes().isEmpty() && preferredOffered.isEmpty()) {
            return Optional.empty();
        }
        Double distance = nearestSiteKm(person.place(), candidate.sites());
        if (candidate.inPersonOnly() && distance != null && person.maxTravelKm() != null && distance > person.maxTravelKm()) {
            return Optional.empty();
        }

        double needsFit = (double) met.size() / person.needs().size();
        double closeness = distance == null ? 0 : closeness(distance, person.maxTravelKm());
        double modeFit = person.deliveryModes().isEmpty() || !preferredOffered.isEmpty() ? 1 : 0;
        double score = (weights.needs() * needsFit + weights.distance() * closeness + weights.mode() * modeFit) / weights.total();

        List<String> reasons = new ArrayList<>();
        int assessed = person.needs().size();
        reasons.add("meets " + met.size() + " of " + assessed + (assessed == 1 ? " need: " : " needs: ") + String.join(", ", met));
        if (distance != null) {
            reasons.add(oneDecimal(distance) + " km away");
        }
        if (!preferredOffered.isEmpty()) {
            reasons.add(preferredOffered.stream().map(DeliveryMode::spoken).collect(Collectors.joining(" or ")) + ", as preferred");
        }
        if (candidate.placesAvailable() != null) {
            reasons.add(candidate.placesAvailable() + (candidate.placesAvailable() == 1 ? " place left" : " places left"));
        }
        return Optional.of(new ScoredCandidate(candidate, round(score, 1000), distance, reasons));
    }

    /** 1 at the person's place, falling linearly to 0 at their reach. */
    static double closeness(double distanceKm, Double maxTravelKm) {
        double reach = maxTravelKm == null ? DEFAULT_REACH_KM : maxTravelKm;
        if (reach <= 0) {
            return distanceKm <= 0 ? 1 : 0;
        }
        return Math.max(0, 1 - distanceKm / reach);
    }

    /**
     * Km from the person to the service's nearest site, to 0.1 km; null when either place is unknown.
     * Everything downstream (constraint, score, reason) uses this rounded figure, so they agree.
     */
    static Double nearestSiteKm(GeoPoint person, List<GeoPoint> sites) {
        if (person == null || sites.isEmpty()) {
            return null;
        }
        double nearest = sites.stream().mapToDouble(person::distanceKmTo).min().orElseThrow();
        return round(nearest, 10);
    }

    private static double round(double value, int per) {
        return Math.round(value * per) / (double) per;
    }

    private static String oneDecimal(double km) {
        return String.format(java.util.Locale.ROOT, "%.1f", km);
    }
}
