package org.linkwork.matching.place;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    private static final GeoPoint LEEDS_STATION = new GeoPoint(53.7953, -1.5474);
    private static final GeoPoint YORK_STATION = new GeoPoint(53.9580, -1.0930);

    @Test
    void haversineGivesTheGreatCircleDistance() {
        // Leeds to York stations: about 34.9 km as the crow flies
        assertThat(LEEDS_STATION.distanceKmTo(YORK_STATION)).isCloseTo(34.85, within(0.05));
        // one degree of latitude along a meridian is 111.2 km on the mean sphere
        assertThat(new GeoPoint(0, 0).distanceKmTo(new GeoPoint(1, 0))).isCloseTo(111.19, within(0.01));
        // a degree of longitude shrinks with the cosine of the latitude
        assertThat(new GeoPoint(60, 0).distanceKmTo(new GeoPoint(60, 1))).isCloseTo(55.6, within(0.1));
    }

    @Test
    void distanceIsSymmetricAndZeroToItself() {
        assertThat(LEEDS_STATION.distanceKmTo(LEEDS_STATION)).isZero();
        assertThat(YORK_STATION.distanceKmTo(LEEDS_STATION)).isEqualTo(LEEDS_STATION.distanceKmTo(YORK_STATION));
    }

    @Test
    void antipodesAreHalfTheCircumferenceApart() {
        assertThat(new GeoPoint(0, 0).distanceKmTo(new GeoPoint(0, 180))).isCloseTo(Math.PI * GeoPoint.EARTH_RADIUS_KM, within(0.001));
    }

    @Test
    void incompleteOrImpossibleCoordinatesAreNoPlace() {
        assertThat(GeoPoint.of(53.8, null)).isEmpty();
        assertThat(GeoPoint.of(null, -1.5)).isEmpty();
        assertThat(GeoPoint.of(91.0, 0.0)).isEmpty();
        assertThat(GeoPoint.of(0.0, -181.0)).isEmpty();
        assertThat(GeoPoint.of(Double.NaN, 0.0)).isEmpty();
        assertThat(GeoPoint.of(53.8, -1.5)).contains(new GeoPoint(53.8, -1.5));
        assertThatThrownBy(() -> new GeoPoint(-90.5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
