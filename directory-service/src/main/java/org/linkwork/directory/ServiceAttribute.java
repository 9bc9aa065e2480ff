package org.linkwork.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** HSDS attribute: tags a service with a taxonomy term. */
@Entity
@Table(name = "attribute")
public class ServiceAttribute {

    @Id
    public String id;

    @ManyToOne(optional = false)
    public DirectoryService service;

    @ManyToOne(optional = false)
    @jakarta.persistence.JoinColumn(name = "taxonomy_term_id")
    public TaxonomyTerm taxonomyTerm;
}
