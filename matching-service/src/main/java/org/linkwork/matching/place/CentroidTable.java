package org.linkwork.matching.place;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.linkwork.events.Postcodes;

/**
 * An offline table of postcode district centroids, read from CSV lines {@code district,latitude,longitude}
 * (a header line and lines starting with {@code #} are skipped). A bad line stops the service at start
 * rather than placing people wrongly.
 */
public final class CentroidTable implements DistrictGeocoder {

    private final Map<String, GeoPoint> centroids;

    private CentroidTable(Map<String, GeoPoint> centroids) {
        this.centroids = Map.copyOf(centroids);
    }

    public static CentroidTable read(BufferedReader csv, String source) throws IOException {
        Map<String, GeoPoint> centroids = new HashMap<>();
        String line;
        int number = 0;
        while ((line = csv.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.toLowerCase(java.util.Locale.ROOT).startsWith("district,")) {
                continue;
            }
            String[] fields = trimmed.split(",");
            Optional<String> district = fields.length == 3 ? Postcodes.normaliseDistrict(fields[0]) : Optional.empty();
            Optional<GeoPoint> point = Optional.empty();
            if (district.isPresent()) {
                try {
                    point = GeoPoint.of(Double.valueOf(fields[1].strip()), Double.valueOf(fields[2].strip()));
                } catch (NumberFormatException e) {
                    point = Optional.empty();
                }
            }
            if (point.isEmpty()) {
                throw new IllegalArgumentException(source + " line " + number + " is not district,latitude,longitude");
            }
            centroids.put(district.get(), point.get());
        }
        return new CentroidTable(centroids);
    }

    public int size() {
        return centroids.size();
    }

    @Override
    public Optional<GeoPoint> centroidOf(String district) {
        return Optional.ofNullable(centroids.get(district));
    }
}
