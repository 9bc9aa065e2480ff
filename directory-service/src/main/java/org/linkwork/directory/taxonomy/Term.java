package org.linkwork.directory.taxonomy;

import java.util.List;
import org.linkwork.directory.hsds.HsdsService;

/** A taxonomy term as stored; {@code needs} is filled for activity types. */
public record Term(String id, String code, String name, String description, String parentId, String taxonomy,
        String taxonomyId, String termUri, String language, List<String> needs) {

    public static final String NEEDS = "linkwork-needs";
    public static final String ACTIVITIES = "linkwork-activities";
    public static final String ACCESSIBILITY = "linkwork-accessibility";
    public static final String CONDITIONS = "linkwork-conditions";
    public static final String SETTINGS = "linkwork-settings";
    public static final String DELIVERY = "linkwork-delivery";

    public boolean in(String taxonomyId) {
        return taxonomyId.equals(this.taxonomyId);
    }

    /** Linkwork's own taxonomies: their codes are unique across them, so a code alone names a term. */
    public boolean isLinkwork() {
        return taxonomyId != null && taxonomyId.startsWith("linkwork-");
    }

    public HsdsService.TaxonomyTerm toHsds() {
        return new HsdsService.TaxonomyTerm(id, code, name, description, parentId, taxonomy, taxonomyId, termUri, language, needs);
    }
}
