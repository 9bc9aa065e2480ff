package org.linkwork.directory.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.LinkworkTaxonomy;
import org.linkwork.directory.taxonomy.Term;
import org.linkwork.directory.taxonomy.TermIndex;

/**
 * Taxonomies and terms an import brings (e.g. a council's service types). Upserted by id; the
 * Linkwork taxonomies and their terms stay as their migrations define them (also when a package
 * exported before migration V4 names them by their readable ids).
 */
final class TermImport {

    private TermImport() {
    }

    record TaxonomyRow(String id, String name, String description, String uri, String version) {
    }

    static void taxonomies(Connection c, Collection<TaxonomyRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into taxonomy (id, name, description, uri, version) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, description = excluded.description, uri = excluded.uri,
                    version = excluded.version""")) {
            for (TaxonomyRow t : rows.stream().filter(t -> !LinkworkTaxonomy.isLinkwork(t.id())).toList()) {
                Jdbc.setAll(ps, t.id(), t.name(), t.description() == null ? t.name() : t.description(), t.uri(), t.version());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Upserts terms; a term naming an unknown taxonomy creates it (named after the term's {@code taxonomy}).
     *
     * @param known the terms stored now: a Linkwork term is left alone even when an import names it under another taxonomy
     */
    static void terms(Connection c, Collection<HsdsService.TaxonomyTerm> given, TermIndex known) throws SQLException {
        // the Linkwork taxonomies change only by migration
        Collection<HsdsService.TaxonomyTerm> terms = given.stream()
                .filter(t -> t.id() != null && !LinkworkTaxonomy.isLinkwork(taxonomyId(t)) && known.byId(t.id()).flatMap(Term::linkwork).isEmpty()).toList();
        Map<String, TaxonomyRow> taxonomies = new LinkedHashMap<>();
        for (HsdsService.TaxonomyTerm t : terms) {
            String taxonomyId = taxonomyId(t);
            String name = t.taxonomy() != null ? t.taxonomy() : taxonomyId;
            taxonomies.putIfAbsent(taxonomyId, new TaxonomyRow(taxonomyId, name, name, null, null));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into taxonomy (id, name, description) values (?, ?, ?) on conflict (id) do nothing")) {
            for (TaxonomyRow t : taxonomies.values()) {
                Jdbc.setAll(ps, t.id(), t.name(), t.description());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into taxonomy_term (id, code, name, description, parent_id, taxonomy, taxonomy_id, term_uri, language)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set code = excluded.code, name = excluded.name, description = excluded.description,
                    parent_id = excluded.parent_id, taxonomy = excluded.taxonomy, taxonomy_id = excluded.taxonomy_id,
                    term_uri = excluded.term_uri, language = excluded.language""")) {
            for (HsdsService.TaxonomyTerm t : terms) {
                String name = t.name() != null ? t.name() : t.code() != null ? t.code() : t.id();
                String taxonomyId = taxonomyId(t);
                Jdbc.setAll(ps, t.id(), t.code(), name, t.description() == null || t.description().isBlank() ? name : t.description(),
                        t.parentId(), t.taxonomy() != null ? t.taxonomy() : taxonomyId, taxonomyId, t.termUri(), t.language());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String taxonomyId(HsdsService.TaxonomyTerm t) {
        if (t.taxonomyId() != null && !t.taxonomyId().isBlank()) {
            return t.taxonomyId();
        }
        return t.taxonomy() != null && !t.taxonomy().isBlank() ? t.taxonomy().strip() : "imported";
    }
}
