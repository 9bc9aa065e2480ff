package org.linkwork.directory.taxonomy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linkwork.directory.entry.Jdbc;

/**
 * The taxonomies and their terms. Terms change rarely (a migration, an import), so the index is kept
 * in memory and reloaded when a term is written here or an id is not found (another instance may
 * have imported it).
 */
@ApplicationScoped
public class Taxonomies {

    final AgroalDataSource dataSource;
    private volatile TermIndex index;

    Taxonomies(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public TermIndex index() {
        TermIndex current = index;
        if (current == null) {
            current = reload();
        }
        return current;
    }

    /** The index, reloaded first if it does not know one of these ids. */
    public TermIndex indexKnowing(Collection<String> termIds) {
        TermIndex current = index();
        if (termIds.stream().anyMatch(id -> current.byId(id).isEmpty())) {
            return reload();
        }
        return current;
    }

    public TermIndex reload() {
        try (Connection c = dataSource.getConnection()) {
            return reload(c);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** Reloads over the caller's connection, so terms written in its transaction are seen. */
    public TermIndex reload(Connection c) {
        try {
            index = new TermIndex(load(c, null, null));
            return index;
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** Terms, optionally of one taxonomy, a page at a time (ordered by taxonomy and code). */
    public static List<Term> load(Connection c, String taxonomyId, int[] page) throws SQLException {
        Map<String, List<String>> needs = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select activity_term_id, need_code from activity_need order by need_code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                needs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        String sql = "select id, code, name, description, parent_id, taxonomy, taxonomy_id, term_uri, language from taxonomy_term"
                + (taxonomyId == null ? "" : " where taxonomy_id = ?") + " order by taxonomy_id, code, id"
                + (page == null ? "" : " limit ? offset ?");
        List<Term> terms = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (taxonomyId != null) {
                ps.setString(i++, taxonomyId);
            }
            if (page != null) {
                ps.setInt(i++, page[1]);
                ps.setInt(i, (page[0] - 1) * page[1]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    terms.add(new Term(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), needs.getOrDefault(id, List.of())));
                }
            }
        }
        return terms;
    }
}
