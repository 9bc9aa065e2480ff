package org.linkwork.matching.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.TeamChanged;
import org.linkwork.platform.transaction.AfterCommit;

/**
 * Matching's copy of the link-worker teams, from referral-service's {@code team-changed} snapshots:
 * each replaces its team's members, unless the stored copy is from a later snapshot. Once the
 * transaction has committed, this instance's {@link TeamMembers} takes the team as stored.
 */
@ApplicationScoped
public class TeamReadModel {

    private static final Logger LOG = Logger.getLogger(TeamReadModel.class);

    final EntityManager em;
    final TeamMembers members;
    final AfterCommit afterCommit;

    TeamReadModel(EntityManager em, TeamMembers members, AfterCommit afterCommit) {
        this.em = em;
        this.members = members;
        this.afterCommit = afterCommit;
    }

    /** Replaces the team's stored copy and members with the snapshot, unless a later snapshot is stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String key, TeamChanged snapshot) {
        Map<String, Boolean> roster = check(key, snapshot);
        // PostgreSQL keeps microseconds: compare what is stored with what can be
        Instant changedAt = snapshot.changedAt().truncatedTo(ChronoUnit.MICROS);
        Instant stored = changedAt(snapshot.teamId(), true);
        if (stored != null && changedAt.isBefore(stored)) {
            LOG.infof("Ignored team %s of %s: the snapshot of %s is already applied", snapshot.teamId(), changedAt, stored);
            return;
        }
        em.createNativeQuery("""
                insert into team (team_id, name, organisation, changed_at, received_at) values (:id, :name, :org, :at, now())
                on conflict (team_id) do update set name = excluded.name, organisation = excluded.organisation,
                    changed_at = excluded.changed_at, received_at = excluded.received_at""")
                .unwrap(NativeQuery.class)
                // typed, so a null name or organisation binds as text
                .setParameter("id", snapshot.teamId()).setParameter("name", snapshot.teamName(), String.class)
                .setParameter("org", snapshot.organisation(), String.class).setParameter("at", changedAt.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        em.createNativeQuery("delete from team_member where team_id = :id").setParameter("id", snapshot.teamId()).executeUpdate();
        roster.forEach((username, active) -> em.createNativeQuery(
                "insert into team_member (team_id, username, active) values (:id, :username, :active)")
                .setParameter("id", snapshot.teamId()).setParameter("username", username).setParameter("active", active).executeUpdate());
    }

    /** The team was deleted (a tombstone): nobody has access through it any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String key) {
        requireKey(key);
        em.createNativeQuery("delete from team where team_id = :id").setParameter("id", key).executeUpdate();
    }

    /**
     * After the transaction commits, this instance's view takes the team as the database then holds
     * it: also for a record another instance applied first (every instance reads every record).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshView(String key) {
        requireKey(key);
        Instant stored = changedAt(key, false);
        if (stored == null) {
            afterCommit.run(() -> members.remove(key));
            return;
        }
        List<String> active = em.createNativeQuery("select username from team_member where team_id = :id and active")
                .setParameter("id", key).getResultList().stream().map(String::valueOf).toList();
        TeamMembers.Team team = new TeamMembers.Team(stored, Set.copyOf(active));
        afterCommit.run(() -> members.put(key, team));
    }

    /** When the stored copy's snapshot was taken; null when the team is not stored. */
    private Instant changedAt(String teamId, boolean forUpdate) {
        // epoch microseconds, so the time comes back the same whatever type the driver would map timestamptz to
        List<?> rows = em.createNativeQuery("select (extract(epoch from changed_at) * 1000000)::bigint from team where team_id = :id"
                + (forUpdate ? " for update" : "")).setParameter("id", teamId).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        long micros = ((Number) rows.get(0)).longValue();
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    /** Every member by username, active when any entry for them says so; a snapshot that cannot be applied goes to the dead-letter topic. */
    private static Map<String, Boolean> check(String key, TeamChanged snapshot) {
        if (snapshot.teamId() == null || snapshot.teamId().isBlank() || snapshot.changedAt() == null || snapshot.members() == null) {
            throw new MalformedEventException("team-changed lacks teamId, changedAt or members");
        }
        if (!snapshot.teamId().equals(key)) {
            throw new MalformedEventException("team-changed for " + snapshot.teamId() + " under the key " + key);
        }
        Map<String, Boolean> roster = new LinkedHashMap<>();
        for (TeamChanged.Member m : snapshot.members()) {
            if (m == null || m.username() == null || m.username().isBlank()) {
                throw new MalformedEventException("team-changed for " + snapshot.teamId() + " has a member without a username");
            }
            roster.merge(m.username(), m.active(), Boolean::logicalOr);
        }
        return roster;
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new MalformedEventException("team-changed record without a team id as its key");
        }
    }
}
