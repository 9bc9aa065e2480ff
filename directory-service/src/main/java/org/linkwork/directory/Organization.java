package org.linkwork.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** An HSDS organisation: the charity, council team or group that runs services. */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public String id;

    public String name;
    public String description;
    public String email;
    public String website;
}
