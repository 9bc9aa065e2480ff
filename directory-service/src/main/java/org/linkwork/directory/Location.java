package org.linkwork.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An HSDS location (physical or virtual), with its one physical address kept inline. */
@Entity
public class Location extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id")
    public String organizationId;

    @Column(name = "location_type")
    public String locationType;

    public String name;
    public Double latitude;
    public Double longitude;

    @Column(name = "address_id")
    public String addressId;

    @Column(name = "address_1")
    public String address1;

    public String city;

    @Column(name = "state_province")
    public String stateProvince;

    @Column(name = "postal_code")
    public String postalCode;

    public String country;
}
