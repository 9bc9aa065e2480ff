package org.linkwork.directory.publishing;

import java.util.List;
import org.linkwork.directory.DirectoryService;
import org.linkwork.directory.Location;
import org.linkwork.directory.TaxonomyTerm;

/** The stored service in its HSDS 3.0 JSON form. */
final class HsdsMapper {

    private HsdsMapper() {
    }

    static HsdsService toHsds(DirectoryService s) {
        var o = s.organization;
        return new HsdsService(s.id, s.name, s.description, s.url, s.email, HsdsService.Status.of(s.status), s.minimumAge,
                s.maximumAge, s.placesAvailable, s.lastModified,
                new HsdsService.Organization(o.id, o.name, o.description, o.email, o.website),
                s.serviceAtLocations.stream().map(sal -> new HsdsService.ServiceAtLocation(sal.id, location(sal.location))).toList(),
                s.attributes.stream().map(a -> new HsdsService.Attribute(a.id, term(a.taxonomyTerm))).toList());
    }

    private static HsdsService.Location location(Location l) {
        List<HsdsService.Address> addresses = l.addressId == null ? List.of()
                : List.of(new HsdsService.Address(l.addressId, l.address1, l.city, l.stateProvince, l.postalCode, l.country, "physical"));
        return new HsdsService.Location(l.id, HsdsService.LocationType.valueOf(l.locationType), l.name, l.latitude, l.longitude, addresses);
    }

    private static HsdsService.TaxonomyTermRef term(TaxonomyTerm t) {
        return new HsdsService.TaxonomyTermRef(t.id, t.code, t.name, t.description, t.taxonomy);
    }
}
