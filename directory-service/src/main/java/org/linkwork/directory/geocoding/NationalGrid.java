package org.linkwork.directory.geocoding;

/**
 * Ordnance Survey National Grid eastings and northings (OSGB36, as Code-Point Open gives them) to
 * WGS84 latitude and longitude: the inverse transverse Mercator projection on the Airy 1830
 * ellipsoid, then a seven-parameter Helmert transformation. Good to a few metres, far finer than
 * any distance a link worker weighs.
 */
final class NationalGrid {

    // Airy 1830 ellipsoid and the National Grid projection
    private static final double A = 6377563.396;
    private static final double B = 6356256.909;
    private static final double F0 = 0.9996012717;
    private static final double LAT0 = Math.toRadians(49);
    private static final double LON0 = Math.toRadians(-2);
    private static final double N0 = -100000;
    private static final double E0 = 400000;
    // WGS84 ellipsoid
    private static final double A_WGS = 6378137.0;
    private static final double B_WGS = 6356752.3142;
    // OSGB36 to WGS84 Helmert parameters (metres, ppm, arc-seconds)
    private static final double TX = 446.448;
    private static final double TY = -125.157;
    private static final double TZ = 542.060;
    private static final double S = -20.4894e-6;
    private static final double RX = Math.toRadians(0.1502 / 3600);
    private static final double RY = Math.toRadians(0.2470 / 3600);
    private static final double RZ = Math.toRadians(0.8421 / 3600);

    private NationalGrid() {
    }

    static Position toWgs84(double easting, double northing) {
        double[] osgb = inverseProjection(easting, northing);
        return helmertToWgs84(osgb[0], osgb[1]);
    }

    /** Returns OSGB36 latitude and longitude in radians. */
    static double[] inverseProjection(double e, double nGrid) {
        double e2 = 1 - (B * B) / (A * A);
        double n = (A - B) / (A + B);
        double lat = LAT0;
        double m = 0;
        do {
            lat = (nGrid - N0 - m) / (A * F0) + lat;
            m = meridionalArc(lat, n);
        } while (Math.abs(nGrid - N0 - m) >= 0.00001);
        double sinLat = Math.sin(lat);
        double cosLat = Math.cos(lat);
        double nu = A * F0 / Math.sqrt(1 - e2 * sinLat * sinLat);
        double rho = A * F0 * (1 - e2) / Math.pow(1 - e2 * sinLat * sinLat, 1.5);
        double eta2 = nu / rho - 1;
        double tan = Math.tan(lat);
        double tan2 = tan * tan;
        double tan4 = tan2 * tan2;
        double tan6 = tan4 * tan2;
        double sec = 1 / cosLat;
        double vii = tan / (2 * rho * nu);
        double viii = tan / (24 * rho * Math.pow(nu, 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
        double ix = tan / (720 * rho * Math.pow(nu, 5)) * (61 + 90 * tan2 + 45 * tan4);
        double x = sec / nu;
        double xi = sec / (6 * Math.pow(nu, 3)) * (nu / rho + 2 * tan2);
        double xii = sec / (120 * Math.pow(nu, 5)) * (5 + 28 * tan2 + 24 * tan4);
        double xiia = sec / (5040 * Math.pow(nu, 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6);
        double de = e - E0;
        double latitude = lat - vii * de * de + viii * Math.pow(de, 4) - ix * Math.pow(de, 6);
        double longitude = LON0 + x * de - xi * Math.pow(de, 3) + xii * Math.pow(de, 5) - xiia * Math.pow(de, 7);
        return new double[] {latitude, longitude};
    }

    private static double meridionalArc(double lat, double n) {
        double n2 = n * n;
        double n3 = n2 * n;
        double dLat = lat - LAT0;
        double sLat = lat + LAT0;
        double ma = (1 + n + 5.0 / 4 * n2 + 5.0 / 4 * n3) * dLat;
        double mb = (3 * n + 3 * n2 + 21.0 / 8 * n3) * Math.sin(dLat) * Math.cos(sLat);
        double mc = (15.0 / 8 * n2 + 15.0 / 8 * n3) * Math.sin(2 * dLat) * Math.cos(2 * sLat);
        double md = 35.0 / 24 * n3 * Math.sin(3 * dLat) * Math.cos(3 * sLat);
        return B * F0 * (ma - mb + mc - md);
    }

    private static Position helmertToWgs84(double lat, double lon) {
        double e2 = 1 - (B * B) / (A * A);
        double nu = A / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
        double x1 = nu * Math.cos(lat) * Math.cos(lon);
        double y1 = nu * Math.cos(lat) * Math.sin(lon);
        double z1 = (1 - e2) * nu * Math.sin(lat);
        double x2 = TX + (1 + S) * x1 - RZ * y1 + RY * z1;
        double y2 = TY + RZ * x1 + (1 + S) * y1 - RX * z1;
        double z2 = TZ - RY * x1 + RX * y1 + (1 + S) * z1;
        double e2w = 1 - (B_WGS * B_WGS) / (A_WGS * A_WGS);
        double p = Math.sqrt(x2 * x2 + y2 * y2);
        double phi = Math.atan2(z2, p * (1 - e2w));
        double previous;
        do {
            previous = phi;
            double nuW = A_WGS / Math.sqrt(1 - e2w * Math.sin(phi) * Math.sin(phi));
            phi = Math.atan2(z2 + e2w * nuW * Math.sin(phi), p);
        } while (Math.abs(phi - previous) > 1e-12);
        return new Position(Math.toDegrees(phi), Math.toDegrees(Math.atan2(y2, x2)));
    }
}
