package org.linkwork.directory.entry;

import static org.linkwork.directory.entry.Facets.nullToEmpty;

import java.time.Instant;
import java.util.List;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.events.DirectoryServiceChanged;

/** The full state of a service as {@code directory-service-changed} carries it: all matching reads. */
public final class ServiceSnapshot {

    private ServiceSnapshot() {
    }

    public static DirectoryServiceChanged of(Entry entry, long version, Instant changedAt) {
        HsdsService s = entry.service();
        Facets f = entry.facets();
        List<DirectoryServiceChanged.Place> places = nullToEmpty(s.serviceAtLocations()).stream()
                .map(HsdsService.ServiceAtLocation::location)
                .filter(l -> l.locationType() == HsdsService.LocationType.physical)
                .map(l -> new DirectoryServiceChanged.Place(l.id(), l.name(),
                        l.addresses() == null || l.addresses().isEmpty() ? null : l.addresses().get(0).postalCode(),
                        l.latitude(), l.longitude()))
                .filter(p -> p.latitude() != null || p.postcode() != null)
                .toList();
        return new DirectoryServiceChanged(s.id(), s.name(), s.description(), s.status().code(), s.organization().id(),
                s.organization().name(), f.taxonomyCodes(), f.deliveryModes(), places, f.scheduleSummary(),
                new DirectoryServiceChanged.Eligibility(s.minimumAge(), s.maximumAge(), f.conditions()),
                f.accessibilityFeatures(), f.languageCodes(), f.setting(), f.free(), s.placesAvailable(), s.maximumPlaces(),
                s.assuredDate(), version, changedAt);
    }
}
