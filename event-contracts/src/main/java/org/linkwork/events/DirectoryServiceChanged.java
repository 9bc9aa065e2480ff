package org.linkwork.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The full current snapshot of one directory service, published on a compacted topic keyed by
 * service id. A deletion is a tombstone (a record with this key and no value). Everything matching
 * weighs is here, so its read model can be rebuilt from this topic alone.
 *
 * @param placesAvailable null when the provider does not track capacity
 * @param free true when every cost option is free, null when cost is not stated
 * @param assuredDate when the provider last confirmed the details, for freshness
 */
public record DirectoryServiceChanged(
        String serviceId,
        String name,
        String description,
        String status,
        String organizationId,
        String organizationName,
        List<String> taxonomyCodes,
        List<String> deliveryModes,
        List<Place> locations,
        List<Session> schedule,
        Eligibility eligibility,
        List<String> accessibilityFeatures,
        List<String> languages,
        String setting,
        Boolean free,
        Integer placesAvailable,
        Integer maximumPlaces,
        LocalDate assuredDate,
        long version,
        Instant changedAt) implements LinkworkEvent {

    public record Place(String locationId, String name, String postcode, Double latitude, Double longitude) {
    }

    /**
     * A regular session.
     *
     * @param days days of {@link Vocabulary#DAYS}
     * @param opensAt local time {@code HH:mm}
     * @param closesAt local time {@code HH:mm}
     */
    public record Session(List<String> days, String opensAt, String closesAt) {
    }

    /**
     * @param minimumAge null when there is no lower limit
     * @param maximumAge null when there is no upper limit
     * @param conditions health conditions ({@link Vocabulary#HEALTH_CONDITIONS}) the service is only for; empty when open to all
     */
    public record Eligibility(Integer minimumAge, Integer maximumAge, List<String> conditions) {
    }

    @Override
    public String aggregateId() {
        return serviceId;
    }
}
