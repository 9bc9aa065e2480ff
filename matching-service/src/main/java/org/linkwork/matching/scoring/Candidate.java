package org.linkwork.matching.scoring;

import java.util.List;
import java.util.Set;
import org.linkwork.matching.place.GeoPoint;

/**
 * A directory service as the scorer sees it.
 *
 * @param needCodes       its taxonomy codes (the need vocabulary's codes among them)
 * @param deliveryModes   how it can be taken part in; empty when the directory does not say
 * @param placesAvailable free places; null when the directory does not track capacity
 * @param sites           the positions of its located sites; empty when none is known
 */
public record Candidate(String serviceId, String name, String organizationId, String status, Set<String> needCodes,
        Set<String> deliveryModes, Integer placesAvailable, List<GeoPoint> sites) {

    public static final String ACTIVE = "active";

    public Candidate {
        needCodes = needCodes == null ? Set.of() : Set.copyOf(needCodes);
        deliveryModes = deliveryModes == null ? Set.of() : Set.copyOf(deliveryModes);
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    /** Only reachable at a site: distance can rule it out. */
    boolean inPersonOnly() {
        return deliveryModes.equals(Set.of(DeliveryMode.IN_PERSON));
    }
}
