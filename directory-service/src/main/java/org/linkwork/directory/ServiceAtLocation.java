package org.linkwork.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** HSDS service_at_location: where a service is delivered. */
@Entity
@Table(name = "service_at_location")
public class ServiceAtLocation {

    @Id
    public String id;

    @ManyToOne(optional = false)
    public DirectoryService service;

    @ManyToOne(optional = false)
    public Location location;
}
