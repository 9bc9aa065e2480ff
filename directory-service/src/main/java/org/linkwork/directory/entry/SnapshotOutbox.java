package org.linkwork.directory.entry;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.Topic;
import org.linkwork.platform.outbox.Outbox;

/**
 * Records many snapshots in the transactional outbox at once. The platform's {@link Outbox} writes
 * one row per call, which is right for a PUT but makes a 100k-service import spend most of its time
 * on round trips; this writes the same rows (same table, columns and CloudEvents type) with one
 * COPY, and has {@link Outbox} wake the relay after the commit.
 */
@ApplicationScoped
public class SnapshotOutbox {

    final Outbox outbox;

    SnapshotOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    /** In the caller's transaction, over its connection. */
    public void publish(Connection c, List<DirectoryServiceChanged> snapshots) throws SQLException {
        if (snapshots.size() == 1) {
            outbox.publish(snapshots.get(0));
            return;
        }
        if (snapshots.isEmpty()) {
            return;
        }
        Topic topic = Topic.DIRECTORY_SERVICE_CHANGED;
        CopyRows rows = new CopyRows("outbox_event", "id, topic, event_key, event_type, payload, occurred_at");
        Instant now = Instant.now();
        for (DirectoryServiceChanged s : snapshots) {
            rows.add(UUID.randomUUID(), topic.topicName(), s.aggregateId(), topic.eventType(), EventJson.write(s), now);
        }
        rows.send(c);
        outbox.wakeRelayAfterCommit();
    }
}
