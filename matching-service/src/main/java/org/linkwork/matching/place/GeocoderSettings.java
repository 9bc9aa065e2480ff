package org.linkwork.matching.place;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code linkwork.matching.geocoder.*}: where postcode districts are. */
@ConfigMapping(prefix = "linkwork.matching.geocoder")
public interface GeocoderSettings {

    /** A CSV file of district,latitude,longitude; unset: the demo area's table bundled with the service. */
    Optional<String> centroidsFile();

    /** For a district the table lacks, use the mean position of the directory's sites in it. */
    @WithDefault("true")
    boolean directoryFallback();
}
