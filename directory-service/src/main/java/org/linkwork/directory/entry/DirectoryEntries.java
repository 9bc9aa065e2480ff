package org.linkwork.directory.entry;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linkwork.directory.geocoding.PostcodeLocator;
import org.linkwork.directory.hsds.HsdsService;
import org.linkwork.directory.taxonomy.Taxonomies;
import org.linkwork.directory.taxonomy.TermIndex;
import org.linkwork.events.Topic;
import org.linkwork.platform.outbox.Outbox;

/**
 * The directory's entries: where every write lands (a provider's PUT, an import batch, a place taken)
 * and where each change is announced with the service's full snapshot, in the same transaction.
 */
@ApplicationScoped
public class DirectoryEntries {

    final AgroalDataSource dataSource;
    final Taxonomies taxonomies;
    final PostcodeLocator postcodes;
    final Outbox outbox;
    final SnapshotOutbox snapshots;

    DirectoryEntries(AgroalDataSource dataSource, Taxonomies taxonomies, PostcodeLocator postcodes, Outbox outbox, SnapshotOutbox snapshots) {
        this.dataSource = dataSource;
        this.taxonomies = taxonomies;
        this.postcodes = postcodes;
        this.outbox = outbox;
        this.snapshots = snapshots;
    }

    public EntryRules rules(TermIndex terms) {
        return new EntryRules(terms, postcodes::locate);
    }

    public TermIndex terms() {
        return taxonomies.index();
    }

    /** A connection of the current transaction (the one Hibernate and the outbox use too). */
    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Writes checked entries and publishes a snapshot of each one that changed, and of every other
     * service whose organisation or location changed with them. The caller has locked {@code stored}
     * and checked ownership and conflicts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EntryWriter.Written> store(Connection c, List<Entry> entries, Map<String, EntryWriter.Stored> stored, TermIndex terms)
            throws SQLException {
        Instant now = Instant.now();
        EntryWriter writer = new EntryWriter(c);
        EntryWriter.Ripples ripples = new EntryWriter.Ripples(new HashSet<>(), new HashSet<>());
        List<EntryWriter.Written> written = writer.write(entries, stored, now, ripples);
        snapshots.publish(c, written.stream().filter(w -> w.change() != EntryWriter.Change.UNCHANGED)
                .map(w -> ServiceSnapshot.of(w.entry(), w.version(), now)).toList());
        if (!ripples.organizationIds().isEmpty() || !ripples.locationIds().isEmpty()) {
            Set<String> batch = new HashSet<>();
            entries.forEach(e -> batch.add(e.id()));
            List<String> touched = servicesUsing(c, ripples).stream().filter(id -> !batch.contains(id)).toList();
            if (!touched.isEmpty()) {
                rewrite(c, touched, terms);
            }
        }
        return written;
    }

    /** Services that name any of these organisations or locations. */
    public List<String> servicesUsing(Connection c, java.util.Collection<String> organizationIds, java.util.Collection<String> locationIds)
            throws SQLException {
        return servicesUsing(c, new EntryWriter.Ripples(new HashSet<>(organizationIds), new HashSet<>(locationIds)));
    }

    /** Reads services again and stores them through the same path, e.g. after a change of places or of their organisation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EntryWriter.Written> rewrite(Connection c, List<String> ids, TermIndex terms) throws SQLException {
        return rewrite(c, ids, terms, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #rewrite(Connection, List, TermIndex)}, changing each service first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EntryWriter.Written> rewrite(Connection c, List<String> ids, TermIndex terms,
            java.util.function.UnaryOperator<HsdsService> change) throws SQLException {
        EntryWriter writer = new EntryWriter(c);
        Map<String, EntryWriter.Stored> stored = writer.lockStored(ids);
        EntryRules rules = rules(terms);
        List<Entry> entries = new ArrayList<>();
        for (HsdsService s : new EntryReader(c, terms).read(ids, EntryReader.Shape.FULL)) {
            EntryRules.Checked checked = rules.check(change.apply(s), s.id());
            if (!checked.valid()) {
                throw new IllegalStateException("a stored service no longer passes the rules: " + checked.errors());
            }
            entries.add(Entry.of(checked.service(), terms));
        }
        return store(c, entries, stored, terms);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from service where id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        outbox.publishTombstone(Topic.DIRECTORY_SERVICE_CHANGED, id);
    }

    /** One service in its HSDS form, if it exists. */
    public Optional<HsdsService> read(String id, EntryReader.Shape shape) {
        try (Connection c = dataSource.getConnection()) {
            return new EntryReader(c, terms()).read(List.of(id), shape).stream().findFirst();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    /** The stored version of a service (its ETag), 0 when there is none. */
    public long version(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select version from service where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    public List<HsdsService> read(List<String> ids, EntryReader.Shape shape) {
        try (Connection c = dataSource.getConnection()) {
            return new EntryReader(c, terms()).read(ids, shape);
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private static List<String> servicesUsing(Connection c, EntryWriter.Ripples ripples) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id from service where organization_id = any(?)
                union select service_id from service_at_location where location_id = any(?)""")) {
            ps.setArray(1, Jdbc.textArray(c, ripples.organizationIds()));
            ps.setArray(2, Jdbc.textArray(c, ripples.locationIds()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return new ArrayList<>(ids);
    }
}
