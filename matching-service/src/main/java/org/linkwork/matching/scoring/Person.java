package org.linkwork.matching.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.linkwork.events.ReferralAssessed;
import org.linkwork.matching.place.GeoPoint;

/**
 * What matching knows of the person, all of it coded and from the assessment: never a name, an
 * address or an exact age.
 *
 * @param needs                     need codes, in the order assessed, without repeats
 * @param goalAreas                 the needs the person's goals address
 * @param interests                 what they enjoy ({@link org.linkwork.events.Vocabulary#INTERESTS})
 * @param deliveryModes             modes they want; empty when any suits
 * @param days                      days that suit them; empty when any day does
 * @param timesOfDay                parts of the day that suit them; empty when any does
 * @param setting                   group, one-to-one, either; null when not stated
 * @param language                  BCP 47 tag of the language they prefer; null when not stated
 * @param healthConditions          coded conditions, for condition-specific services
 * @param accessibilityRequirements what they need from a place or activity to take part
 * @param digitalAccess             none, limited, full; null when not stated
 * @param place                     their postcode district's centroid; null when unknown
 * @param maxTravelKm               how far they can travel; null when not stated
 * @param publicTransportOnly       they depend on buses and trains
 * @param costSensitive             cost would stop them
 * @param ageBand                   e.g. 65-74 or 75+; null when not known
 */
public record Person(List<String> needs, List<String> goalAreas, List<String> interests, Set<String> deliveryModes,
        List<String> days, List<String> timesOfDay, String setting, String language, Set<String> healthConditions,
        Set<String> accessibilityRequirements, String digitalAccess, GeoPoint place, Double maxTravelKm,
        boolean publicTransportOnly, boolean costSensitive, String ageBand) {

    public Person {
        needs = distinct(needs);
        goalAreas = distinct(goalAreas);
        interests = distinct(interests);
        deliveryModes = set(deliveryModes);
        days = distinct(days);
        timesOfDay = distinct(timesOfDay);
        healthConditions = set(healthConditions);
        accessibilityRequirements = set(accessibilityRequirements);
    }

    /** The person an assessment describes, placed at their district's centroid (null when unknown). */
    public static Person from(ReferralAssessed a, GeoPoint place) {
        ReferralAssessed.Preferences p = a.preferences();
        ReferralAssessed.Travel t = a.travel();
        return new Person(a.needs(), a.goalAreas(), a.interests(), p == null || p.deliveryModes() == null ? null : Set.copyOf(
                p.deliveryModes().stream().filter(Objects::nonNull).toList()), p == null ? null : p.days(), p == null ? null : p.timesOfDay(),
                p == null ? null : p.setting(), p == null ? null : p.language(),
                a.healthConditions() == null ? null : Set.copyOf(a.healthConditions().stream().filter(Objects::nonNull).toList()),
                a.accessibilityRequirements() == null ? null
                        : Set.copyOf(a.accessibilityRequirements().stream().filter(Objects::nonNull).toList()),
                a.digitalAccess(), place, t == null ? null : t.maxTravelKm(), t != null && t.publicTransportOnly(), a.costSensitive(),
                a.ageBand());
    }

    /** Just needs, modes and place: the rest unstated. */
    public static Person withNeeds(List<String> needs, Set<String> deliveryModes, Double maxTravelKm, GeoPoint place) {
        return new Person(needs, null, null, deliveryModes, null, null, null, null, null, null, null, place, maxTravelKm, false, false,
                null);
    }

    public Person withTravel(Double maxTravelKm) {
        return new Person(needs, goalAreas, interests, deliveryModes, days, timesOfDay, setting, language, healthConditions,
                accessibilityRequirements, digitalAccess, place, maxTravelKm, publicTransportOnly, costSensitive, ageBand);
    }

    public Person withDeliveryModes(Set<String> modes) {
        return new Person(needs, goalAreas, interests, modes, days, timesOfDay, setting, language, healthConditions,
                accessibilityRequirements, digitalAccess, place, maxTravelKm, publicTransportOnly, costSensitive, ageBand);
    }

    public Person withWhen(List<String> newDays, List<String> newTimesOfDay) {
        return new Person(needs, goalAreas, interests, deliveryModes, newDays, newTimesOfDay, setting, language, healthConditions,
                accessibilityRequirements, digitalAccess, place, maxTravelKm, publicTransportOnly, costSensitive, ageBand);
    }

    public boolean offline() {
        return "none".equals(digitalAccess);
    }

    private static List<String> distinct(Collection<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(Objects::nonNull).distinct().toList();
    }

    private static Set<String> set(Collection<String> codes) {
        return codes == null ? Set.of() : codes.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
