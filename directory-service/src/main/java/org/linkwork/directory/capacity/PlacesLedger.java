package org.linkwork.directory.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import org.linkwork.directory.entry.DirectoryEntries;
import org.linkwork.directory.entry.Jdbc;
import org.linkwork.events.ActivityReferralUpdated;

/**
 * Keeps a service's places in step with the activity referrals providers accept: a place is taken
 * when a referral is accepted and given back when it ends. Each referral's claim is remembered, so
 * a place is taken once and given back once whatever order or how often statuses arrive.
 */
@ApplicationScoped
public class PlacesLedger {

    private static final Logger LOG = Logger.getLogger(PlacesLedger.class);
    /** Statuses in which the person holds a place. */
    static final Set<String> HOLDING = Set.of("accepted", "in-progress", "on-hold");
    /** Statuses that end an activity referral, and so its hold on a place. */
    static final Set<String> ENDED = Set.of("rejected", "cancelled", "failed", "completed");

    final DirectoryEntries entries;

    PlacesLedger(DirectoryEntries entries) {
        this.entries = entries;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ActivityReferralUpdated update) {
        boolean holds = HOLDING.contains(update.status());
        boolean ends = ENDED.contains(update.status());
        if (!holds && !ends) {
            return;
        }
        try (Connection c = entries.connection()) {
            Boolean taken = null;
            try (PreparedStatement ps = c.prepareStatement("select taken from place_claim where activity_referral_id = ? for update")) {
                ps.setString(1, update.activityReferralId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        taken = rs.getBoolean(1);
                    }
                }
            }
            if (holds && taken == null) {
                claim(c, update, true);
                change(c, update.serviceId(), -1);
            } else if (ends && Boolean.TRUE.equals(taken)) {
                claim(c, update, false);
                change(c, update.serviceId(), +1);
            } else if (ends && taken == null) {
                claim(c, update, false); // ended without holding a place; a late "accepted" must not take one now
            }
        } catch (SQLException e) {
            throw Jdbc.failed(e);
        }
    }

    private static void claim(Connection c, ActivityReferralUpdated update, boolean taken) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into place_claim (activity_referral_id, service_id, taken, updated_at) values (?, ?, ?, ?)
                on conflict (activity_referral_id) do update set taken = excluded.taken, updated_at = excluded.updated_at""")) {
            ps.setString(1, update.activityReferralId());
            ps.setString(2, update.serviceId());
            ps.setBoolean(3, taken);
            ps.setTimestamp(4, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    /** Moves the places of a service that counts them, within 0 and its maximum, and republishes it. */
    private void change(Connection c, String serviceId, int delta) throws SQLException {
        Integer places = null;
        Integer maximum = null;
        try (PreparedStatement ps = c.prepareStatement("select places_available, maximum_places from service where id = ? for update")) {
            ps.setString(1, serviceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    LOG.infof("Activity referral for service %s, which is not in the directory; no places to count", serviceId);
                    return;
                }
                places = Jdbc.integer(rs, "places_available");
                maximum = Jdbc.integer(rs, "maximum_places");
            }
        }
        if (places == null) {
            return; // the provider does not count places
        }
        int next = Math.max(0, places + delta);
        if (maximum != null) {
            next = Math.min(maximum, next);
        }
        if (next == places) {
            return;
        }
        int value = next;
        entries.rewrite(c, List.of(serviceId), entries.terms(), s -> s.withPlacesAvailable(value));
    }
}
