package org.linkwork.matching.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Optional;
import org.linkwork.matching.place.GeoPoint;

/** A site where a directory service takes place. */
@Embeddable
public class ServiceLocation {

    @Column(name = "location_id")
    public String locationId;

    public String name;

    public String postcode;

    /** Derived from the postcode when it is a UK one; the district centroids are built from it. */
    @Column(name = "postcode_district")
    public String postcodeDistrict;

    public Double latitude;

    public Double longitude;

    public Optional<GeoPoint> point() {
        return GeoPoint.of(latitude, longitude);
    }
}
