package org.linkwork.directory.geocoding;

/** A point in WGS84 degrees. */
public record Position(double latitude, double longitude) {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Great-circle distance in metres (haversine), the same formula search uses in SQL. */
    public double metresTo(Position other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude)) * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public static double earthRadiusMetres() {
        return EARTH_RADIUS_M;
    }
}
