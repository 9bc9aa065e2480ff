package org.linkwork.matching.place;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.linkwork.events.Postcodes;

/**
 * Where a postcode district is, derived from the directory itself: the mean position of every
 * located site in matching's read model whose postcode lies in the district. It needs no external
 * postcode data, at the price of knowing only districts that have a listed activity; a proper
 * geocoder can take its place behind {@link #centroidOf(String)}.
 */
@ApplicationScoped
public class DistrictCentroids {

    final EntityManager em;

    DistrictCentroids(EntityManager em) {
        this.em = em;
    }

    /** The district's centroid, or empty when it is not a district or no listed site lies in it. */
    public Optional<GeoPoint> centroidOf(String postcodeDistrict) {
        return Postcodes.normaliseDistrict(postcodeDistrict).flatMap(district -> {
            Object[] mean = (Object[]) em.createNativeQuery("""
                    select avg(latitude), avg(longitude) from directory_location
                    where postcode_district = :district and latitude is not null and longitude is not null""")
                    .setParameter("district", district)
                    .getSingleResult();
            // averaging degrees is fine at the scale of a district, far from the poles and the antimeridian
            return mean[0] == null ? Optional.empty()
                    : GeoPoint.of(((Number) mean[0]).doubleValue(), ((Number) mean[1]).doubleValue());
        });
    }
}
