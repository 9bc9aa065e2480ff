package org.linkwork.directory.review;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.events.DirectoryReviewDue;
import org.linkwork.platform.outbox.Outbox;

/**
 * Entries whose provider has not confirmed them ({@code assured_date}) for longer than the review age
 * are due for review. Each lapse raises one {@code directory-review-due}, which the notification
 * service turns into a reminder to the provider; confirming the entry again ends the lapse.
 */
@ApplicationScoped
public class ReviewReminders {

    private static final Logger LOG = Logger.getLogger(ReviewReminders.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** "LWREVIEW": one instance at a time raises reminders. */
    private static final long LOCK_KEY = 0x4c57524556494557L;
    private static final int BATCH = 500;
    /** Which services ({@code s}) are due for review: listed, and not confirmed since the date bound to the ?. */
    static final String DUE = "s.status in ('active', 'temporarily closed') and (s.assured_date is null or s.assured_date < ?)";

    /** How long an entry stays fresh after its provider confirmed it. */
    @ConfigProperty(name = "linkwork.directory.review.max-age", defaultValue = "P180D")
    Period maxAge;

    /** How often the directory looks for entries due for review. */
    @ConfigProperty(name = "linkwork.directory.review.check-every", defaultValue = "1h")
    Duration checkEvery;

    @ConfigProperty(name = "linkwork.directory.review.enabled", defaultValue = "true")
    boolean enabled;

    final DirectoryEntries entries;
    final Outbox outbox;
    private volatile Clock clock = Clock.system(UK);
    private ScheduledExecutorService worker;

    ReviewReminders(DirectoryEntries entries, Outbox outbox) {
        this.entries = entries;
        this.outbox = outbox;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "review-reminders");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(() -> {
            try {
                raiseDue();
            } catch (RuntimeException e) {
                LOG.warnf("Looking for entries due for review failed (%s); trying again later", e.getClass().getSimpleName());
            }
        }, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    /** For tests: a clock moved on, to see a later lapse. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** The oldest assured date that is still fresh today. */
    public LocalDate freshSince() {
        return LocalDate.now(clock).minus(maxAge);
    }

    /** Raises a reminder for every entry newly due; returns how many. */
    public int raiseDue() {
        int raised = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::raiseBatch);
            raised += batch;
        } while (batch == BATCH);
        if (raised > 0) {
            LOG.infof("%d directory entries are due for review", raised);
        }
        return raised;
    }

    private int raiseBatch() {
        try (Connection c = entries.connection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return 0; // another instance is at it
                    }
                }
            }
            List<DirectoryReviewDue> due = new ArrayList<>();
            Instant now = Instant.now(clock);
            try (PreparedStatement ps = c.prepareStatement("""
                    select s.id, s.name, s.organization_id, s.assured_date from service s
                    left join review_reminder r on r.service_id = s.id
                    where %s
                      and (r.service_id is null or r.assured_date is distinct from s.assured_date)
                    order by s.id limit ?""".formatted(DUE))) {
                ps.setDate(1, Date.valueOf(freshSince()));
                ps.setInt(2, BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new DirectoryReviewDue(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.date(rs, "assured_date"), now));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into review_reminder (service_id, assured_date, raised_at) values (?, ?, ?)
                    on conflict (service_id) do update set assured_date = excluded.assured_date, raised_at = excluded.raised_at""")) {
                for (DirectoryReviewDue d : due) {
                    outbox.publish(d);
                    ps.setString(1, d.serviceId());
                    ps.setDate(2, d.assuredDate() == null ? null : Date.valueOf(d.assuredDate()));
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return due.size();
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }
}
