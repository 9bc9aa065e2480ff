package org.linkwork.matching.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Matching's copy of one directory service: what matching needs of the directory's latest snapshot. */
@Entity
@Table(name = "directory_service")
public class DirectoryService extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "organization_name")
    public String organizationName;

    public String status;

    /** Delivery modes, comma-separated. */
    @Column(name = "delivery_modes")
    public String deliveryModes;

    /** The snapshot's places, less those taken and plus those released since it (see {@link Capacity}). */
    @Column(name = "places_available")
    public Integer placesAvailable;

    /** The version of the snapshot this copy was made from (not an optimistic lock). */
    public long version;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** The whole snapshot as received (JSON): the in-memory index is rebuilt from it at start. */
    public String snapshot;

    /** Bumped by every change to this row, in commit order per service: the index keeps the newest. */
    public long revision;

    @ElementCollection
    @CollectionTable(name = "directory_service_taxonomy", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "code")
    public Set<String> taxonomyCodes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "directory_location", joinColumns = @JoinColumn(name = "service_id"))
    public List<ServiceLocation> locations = new ArrayList<>();

    public List<String> deliveryModeCodes() {
        return deliveryModes == null || deliveryModes.isBlank() ? List.of() : Arrays.asList(deliveryModes.split(","));
    }
}
