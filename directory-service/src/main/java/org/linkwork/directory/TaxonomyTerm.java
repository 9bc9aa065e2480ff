package org.linkwork.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.Optional;

/** A term of a taxonomy; services are tagged with terms of {@code linkwork-needs}. */
@Entity
@jakarta.persistence.Table(name = "taxonomy_term")
public class TaxonomyTerm extends PanacheEntityBase {

    public static final String NEEDS_TAXONOMY = "linkwork-needs";

    @Id
    public String id;

    public String code;
    public String name;
    public String description;
    public String taxonomy;

    public static Optional<TaxonomyTerm> need(String code) {
        return find("taxonomy = ?1 and code = ?2", NEEDS_TAXONOMY, code).firstResultOptional();
    }
}
