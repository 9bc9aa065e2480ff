package org.linkwork.matching.place;

import java.util.Optional;

/** Where a postcode district is, roughly: the one place matching knows a person by. */
public interface DistrictGeocoder {

    /** The district's centroid, or empty when this geocoder does not know it; {@code district} is normalised ("LS6"). */
    Optional<GeoPoint> centroidOf(String district);
}
