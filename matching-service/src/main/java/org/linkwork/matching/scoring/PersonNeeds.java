package org.linkwork.matching.scoring;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.linkwork.matching.place.GeoPoint;

/**
 * What matching knows of the person from the assessment: coded needs, how they want to take part,
 * how far they can travel and roughly where they are.
 *
 * @param needs         need codes, in the order assessed, without repeats
 * @param deliveryModes the modes the person wants; empty when they gave none (any mode suits)
 * @param maxTravelKm   how far they can travel; null when not stated
 * @param place         where they are (their district's centroid); null when unknown
 */
public record PersonNeeds(List<String> needs, Set<String> deliveryModes, Double maxTravelKm, GeoPoint place) {

    public PersonNeeds {
        needs = needs == null ? List.of() : needs.stream().filter(Objects::nonNull).distinct().toList();
        deliveryModes = deliveryModes == null ? Set.of()
                : deliveryModes.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
