package org.linkwork.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An HSDS service: a community activity or support that people can be referred to. */
@Entity
@Table(name = "service")
public class DirectoryService extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(optional = false)
    public Organization organization;

    public String name;
    public String description;
    public String url;
    public String email;
    public String status;

    @Column(name = "minimum_age")
    public Integer minimumAge;

    @Column(name = "maximum_age")
    public Integer maximumAge;

    @Column(name = "places_available")
    public Integer placesAvailable;

    @Column(name = "last_modified")
    public Instant lastModified;

    @Version
    public long version;

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ServiceAtLocation> serviceAtLocations = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ServiceAttribute> attributes = new ArrayList<>();
}
