package org.linkwork.referral.team;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A team of link workers serving some practices (and, for self-referrals, some postcode districts),
 * employed by one organisation: a primary care network, a council or a voluntary organisation.
 */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    /** The employing organisation's id (a PCN's ODS code, or a provider id), which its members' tokens carry as org_id. */
    public String organisation;

    @Version
    public long version;
}
