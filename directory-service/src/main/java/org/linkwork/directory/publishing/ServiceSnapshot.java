package org.linkwork.directory.publishing;

import java.time.Instant;
import java.util.List;
import org.linkwork.directory.DirectoryService;
import org.linkwork.events.DirectoryServiceChanged;

/** The full state of a service as {@code directory-service-changed} carries it. */
final class ServiceSnapshot {

    private ServiceSnapshot() {
    }

    static DirectoryServiceChanged of(DirectoryService s) {
        List<DirectoryServiceChanged.Place> places = s.serviceAtLocations.stream()
                .map(sal -> new DirectoryServiceChanged.Place(sal.location.id, sal.location.name, sal.location.postalCode,
                        sal.location.latitude, sal.location.longitude))
                .toList();
        // a postal location is where letters go, not where the activity happens
        List<String> modes = s.serviceAtLocations.stream()
                .filter(sal -> !"postal".equals(sal.location.locationType))
                .map(sal -> "virtual".equals(sal.location.locationType) ? "online" : "in-person")
                .distinct().sorted().toList();
        return new DirectoryServiceChanged(s.id, s.name, s.description, s.status, s.organization.id, s.organization.name,
                s.attributes.stream().map(a -> a.taxonomyTerm.code).sorted().toList(), modes,
                places.stream().filter(p -> p.latitude() != null || p.postcode() != null).toList(),
                List.of(), null, List.of(), List.of(), null, null,
                s.placesAvailable, null, null, s.version, Instant.now());
    }
}
