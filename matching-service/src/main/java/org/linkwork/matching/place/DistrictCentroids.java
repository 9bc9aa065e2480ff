package org.linkwork.matching.place;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.linkwork.events.Postcodes;
import org.linkwork.matching.directory.DirectoryIndex;

/**
 * The geocoder matching uses: the offline centroid table first (the file configured in
 * {@code linkwork.matching.geocoder.centroids-file}, else the small table for the demo area that
 * ships with the service), then, for a district the table lacks, the mean position of the
 * directory's own sites in it. Another {@link DistrictGeocoder} can be put in front of them.
 */
@ApplicationScoped
public class DistrictCentroids {

    static final String BUNDLED = "/geo/district-centroids.csv";

    private final List<DistrictGeocoder> geocoders;

    DistrictCentroids(GeocoderSettings settings, DirectoryIndex index) {
        DistrictGeocoder table = table(settings.centroidsFile());
        this.geocoders = settings.directoryFallback() ? List.of(table, index::districtCentroid) : List.of(table);
    }

    /** The district's centroid, or empty when it is not a district or no geocoder knows it. */
    public Optional<GeoPoint> centroidOf(String postcodeDistrict) {
        return Postcodes.normaliseDistrict(postcodeDistrict).flatMap(district -> geocoders.stream()
                .map(g -> g.centroidOf(district)).flatMap(Optional::stream).findFirst());
    }

    static CentroidTable table(Optional<String> file) {
        try {
            if (file.isPresent()) {
                try (BufferedReader in = Files.newBufferedReader(Path.of(file.get()), StandardCharsets.UTF_8)) {
                    return CentroidTable.read(in, file.get());
                }
            }
            try (InputStream bundled = DistrictCentroids.class.getResourceAsStream(BUNDLED);
                    BufferedReader in = new BufferedReader(new InputStreamReader(bundled, StandardCharsets.UTF_8))) {
                return CentroidTable.read(in, BUNDLED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the district centroids " + file.orElse(BUNDLED), e);
        }
    }
}
