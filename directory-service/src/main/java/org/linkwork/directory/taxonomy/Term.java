package org.linkwork.directory.taxonomy;

import java.util.List;
import org.linkwork.directory.hsds.HsdsService;

/** A taxonomy term as stored; {@code needs} is filled for activity types. */
public record Term(String id, String code, String name, String description, String parentId, String taxonomy,
        String taxonomyId, String termUri, String language, List<String> needs) {

    public boolean in(LinkworkTaxonomy taxonomy) {
        return taxonomy.id().equals(taxonomyId);
    }

    /** The Linkwork taxonomy the term belongs to, if it is one of them (their codes are unique across them). */
    public java.util.Optional<LinkworkTaxonomy> linkwork() {
        return LinkworkTaxonomy.byId(taxonomyId);
    }

    public HsdsService.TaxonomyTerm toHsds() {
        return new HsdsService.TaxonomyTerm(id, code, name, description, parentId, taxonomy, taxonomyId, termUri, language, needs);
    }
}
