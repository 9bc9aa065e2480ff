package org.linkwork.matching.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.matching.scoring.Activity;

/** Fills the in-memory index from the read model in the database when the service starts. */
@ApplicationScoped
public class DirectoryIndexLoader {

    private static final Logger LOG = Logger.getLogger(DirectoryIndexLoader.class);

    final AgroalDataSource dataSource;
    final DirectoryIndex index;

    DirectoryIndexLoader(AgroalDataSource dataSource, DirectoryIndex index) {
        this.dataSource = dataSource;
        this.index = index;
    }

    // after the database bootstrap (PLATFORM_BEFORE) has migrated the schema
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        reload();
    }

    /** Empties the index and loads every service of the read model into it; returns how many. */
    public int reload() {
        long started = System.nanoTime();
        index.clear();
        List<String> withoutSnapshot = new ArrayList<>();
        int loaded = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // so the driver streams by the fetch size instead of reading every row at once
            try (PreparedStatement query = c.prepareStatement("select id, snapshot, places_available, revision from directory_service")) {
                query.setFetchSize(2000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String snapshot = rows.getString(2);
                        if (snapshot == null) {
                            withoutSnapshot.add(rows.getString(1));
                            continue;
                        }
                        int places = rows.getInt(3);
                        Integer placesAvailable = rows.wasNull() ? null : places;
                        index.put(Activity.of(EventJson.read(snapshot, DirectoryServiceChanged.class), placesAvailable), rows.getLong(4));
                        loaded++;
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the directory read model", e);
        }
        for (String id : withoutSnapshot) {
            loaded += QuarkusTransaction.requiringNew().call(() -> {
                DirectoryService s = DirectoryService.findById(id);
                if (s == null) {
                    return 0;
                }
                index.put(Activity.of(DirectoryReadModel.snapshotOf(s), s.placesAvailable), s.revision);
                return 1;
            });
        }
        LOG.infof("Directory index loaded: %d services in %d ms", loaded, (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }
}
