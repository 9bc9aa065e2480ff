package org.linkwork.referral.timeline;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears every committed timeline entry through PostgreSQL LISTEN, on one connection of its own,
 * and hands each to the live streams watching that referral. Entries written by any instance
 * arrive, and only once their transaction has committed.
 */
@ApplicationScoped
public class TimelineFeed {

    private static final Logger LOG = Logger.getLogger(TimelineFeed.class);

    final String url;
    final String user;
    final String password;
    final Duration reconnectDelay;

    private final Map<UUID, List<Consumer<TimelineEntry>>> watchers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    TimelineFeed(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") java.util.Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") java.util.Optional<String> password,
            @ConfigProperty(name = "linkwork.referral.timeline.reconnect-delay", defaultValue = "2s") Duration reconnectDelay) {
        this.url = url;
        this.user = user.orElse(null);
        this.password = password.orElse(null);
        this.reconnectDelay = reconnectDelay;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("timeline-feed").daemon().start(this::listenLoop);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** True once the feed listens; a stream opened before then could miss an entry. */
    public boolean listening() {
        return listening;
    }

    public Runnable watch(UUID referralId, Consumer<TimelineEntry> watcher) {
        watchers.computeIfAbsent(referralId, id -> new CopyOnWriteArrayList<>()).add(watcher);
        return () -> watchers.computeIfPresent(referralId, (id, list) -> {
            list.remove(watcher);
            return list.isEmpty() ? null : list;
        });
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + Timeline.CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                try (PreparedStatement read = connection.prepareStatement(
                        "select seq, referral_id, at, kind, summary, actor, actor_role from timeline_entry where seq = ?")) {
                    while (running) {
                        PGNotification[] notes = pg.getNotifications(1000);
                        if (notes == null) {
                            continue;
                        }
                        for (PGNotification note : notes) {
                            deliver(read, note.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    LOG.warnf("timeline feed lost its database connection (%s); reconnecting", e.getSQLState());
                    pause();
                }
            }
        }
        listening = false;
    }

    private void deliver(PreparedStatement read, String payload) throws SQLException {
        int colon = payload.indexOf(':');
        UUID referralId = UUID.fromString(payload.substring(0, colon));
        List<Consumer<TimelineEntry>> interested = watchers.get(referralId);
        if (interested == null || interested.isEmpty()) {
            return;
        }
        read.setLong(1, Long.parseLong(payload.substring(colon + 1)));
        List<TimelineEntry> found = new ArrayList<>();
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                found.add(new TimelineEntry(rs.getLong(1), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
            }
        }
        for (TimelineEntry entry : found) {
            for (Consumer<TimelineEntry> watcher : interested) {
                watcher.accept(entry);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(reconnectDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
