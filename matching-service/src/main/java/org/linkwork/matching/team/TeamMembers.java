package org.linkwork.matching.team;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * This instance's view of who is an active member of which team, so the access check of every
 * request is a map lookup, also on the I/O thread that answers a proposal from memory.
 *
 * <p>Why a view in memory rather than a query per request: the {@code GET} answered from memory
 * takes no worker thread and no database round trip today, and a membership query would add both
 * to every read. The view is correct with several replicas because it is not fed by this
 * instance's share of the partitions: every instance reads the whole compacted {@code team-changed}
 * topic in a consumer group of its own ({@link TeamChangedListener}), and after each record takes
 * the team as the shared database now holds it. It is loaded from the database at start, so it
 * holds every team before the topic has been read again.
 */
@ApplicationScoped
public class TeamMembers {

    private static final Logger LOG = Logger.getLogger(TeamMembers.class);

    /** A team as the read model holds it: the snapshot time it is from and its active members. */
    public record Team(Instant changedAt, Set<String> activeMembers) {
    }

    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    final AgroalDataSource dataSource;

    TeamMembers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    // after the database bootstrap (PLATFORM_BEFORE) has migrated the schema, before the consumers start
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        reload();
    }

    /** True when the user is an active member of the team; false for an unknown team or user. */
    public boolean isActiveMember(String teamId, String username) {
        if (teamId == null || username == null) {
            return false;
        }
        Team team = teams.get(teamId);
        return team != null && team.activeMembers().contains(username);
    }

    /** The team as this instance knows it. */
    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(teams.get(teamId));
    }

    /** Takes the team as stored, unless this view already holds a newer snapshot of it. */
    void put(String teamId, Team team) {
        teams.compute(teamId, (id, known) -> known == null || !team.changedAt().isBefore(known.changedAt()) ? team : known);
    }

    void remove(String teamId) {
        teams.remove(teamId);
    }

    /** Loads every team of the read model; returns how many. */
    public int reload() {
        Map<String, Instant> changedAt = new HashMap<>();
        Map<String, Set<String>> active = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("select team_id, changed_at from team"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    changedAt.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
            try (PreparedStatement s = c.prepareStatement("select team_id, username from team_member where active");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    active.computeIfAbsent(rs.getString(1), id -> new HashSet<>()).add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the team memberships", e);
        }
        teams.keySet().retainAll(changedAt.keySet());
        changedAt.forEach((id, at) -> put(id, new Team(at, Set.copyOf(active.getOrDefault(id, Set.of())))));
        LOG.infof("Team memberships loaded: %d teams", changedAt.size());
        return changedAt.size();
    }
}
