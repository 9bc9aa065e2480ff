package org.linkwork.matching.place;

import java.util.Optional;

/** A point on the Earth in WGS 84 degrees. */
public record GeoPoint(double latitude, double longitude) {

    /** The mean radius of the Earth (IUGG), in km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("not a position on the Earth: " + latitude + ", " + longitude);
        }
    }

    /** A point when both coordinates are there and on the Earth, otherwise empty: directory data may be incomplete. */
    public static Optional<GeoPoint> of(Double latitude, Double longitude) {
        if (latitude == null || longitude == null || !(latitude >= -90 && latitude <= 90)
                || !(longitude >= -180 && longitude <= 180)) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(latitude, longitude));
    }

    /**
     * Great-circle distance by the haversine formula. On a sphere it is within about 0.5% of the
     * ellipsoidal distance, far finer than a postcode district's centroid stands for a person's home.
     */
    public double distanceKmTo(GeoPoint other) {
        double lat1 = Math.toRadians(latitude);
        double lat2 = Math.toRadians(other.latitude);
        double halfDLat = (lat2 - lat1) / 2;
        double halfDLon = Math.toRadians(other.longitude - longitude) / 2;
        double a = Math.sin(halfDLat) * Math.sin(halfDLat)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(halfDLon) * Math.sin(halfDLon);
        // min() guards against rounding pushing a just above 1 for antipodal points
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
