package org.linkwork.referral.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A team of link workers serving some practices (and, for self-referrals, some postcode districts). */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Version
    public long version;
}
