package org.linkwork.directory.taxonomy;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every taxonomy term, by id and (for the Linkwork taxonomies) by code. Immutable. */
public final class TermIndex {

    private final Map<String, Term> byId = new HashMap<>();
    private final Map<String, Term> linkworkByCode = new HashMap<>();

    public TermIndex(Collection<Term> terms) {
        for (Term t : terms) {
            byId.put(t.id(), t);
            if (t.linkwork().isPresent() && t.code() != null) {
                linkworkByCode.put(t.code(), t);
            }
        }
    }

    public Optional<Term> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** A term of one of the Linkwork taxonomies, by its code. */
    public Optional<Term> linkworkCode(String code) {
        return Optional.ofNullable(code == null ? null : linkworkByCode.get(code));
    }

    public Optional<Term> need(String code) {
        return linkworkCode(code).filter(t -> t.in(LinkworkTaxonomy.NEEDS));
    }

    /**
     * A Linkwork term by the readable id it had before migration V4 ({@code linkwork-needs:loneliness}),
     * so that packages exported then still import.
     */
    public Optional<Term> byLegacyId(String id) {
        return LinkworkTaxonomy.legacyTerm(id).flatMap(l -> linkworkCode(l.code()).filter(t -> t.in(l.taxonomy())));
    }

    public int size() {
        return byId.size();
    }
}
