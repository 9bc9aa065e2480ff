package org.linkwork.events;

import java.time.Instant;
import java.util.List;

/**
 * The full current snapshot of one directory service, published on a compacted topic keyed by
 * service id. A deletion is a tombstone (a record with this key and no value).
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
        Integer placesAvailable,
        long version,
        Instant changedAt) implements LinkworkEvent {

    public record Place(String locationId, String name, String postcode, Double latitude, Double longitude) {
    }

    @Override
    public String aggregateId() {
        return serviceId;
    }
}
