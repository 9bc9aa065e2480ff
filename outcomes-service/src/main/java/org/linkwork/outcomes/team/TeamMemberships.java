package org.linkwork.outcomes.team;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.hibernate.query.NativeQuery;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.TeamChanged;

/**
 * The read model of link-worker teams, from {@code team-changed}. Each event is a full snapshot, so it
 * replaces the team's members; a snapshot older (by {@code changedAt}) than the one stored is ignored.
 * A link worker's access to referrals, measures and KPIs comes from an active membership here.
 */
@ApplicationScoped
public class TeamMemberships {

    /** A team id, as referral-service accepts it in {@code PUT /teams/{id}}. */
    public static final Pattern TEAM_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,49}$");

    final EntityManager em;

    TeamMemberships(EntityManager em) {
        this.em = em;
    }

    /** Applies a snapshot unless a newer one is stored; throws {@link MalformedEventException} before changing anything. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String key, TeamChanged team) {
        String id = teamId(team.teamId());
        if (key != null && !key.equals(id)) {
            throw new MalformedEventException("the record's key is not its teamId");
        }
        Instant changedAt = team.changedAt();
        if (changedAt == null) {
            throw new MalformedEventException("changedAt is missing");
        }
        if (team.members() == null) {
            throw new MalformedEventException("members is missing");
        }
        // a username listed twice is active when any of its entries is
        Map<String, Boolean> members = new LinkedHashMap<>();
        for (TeamChanged.Member m : team.members()) {
            if (m == null || m.username() == null || m.username().isBlank() || m.username().length() > 255) {
                throw new MalformedEventException("a member has no username");
            }
            members.merge(m.username().strip(), m.active(), Boolean::logicalOr);
        }
        // inserted, or updated when not older than the stored snapshot; the row stays locked until commit
        int applied = em.createNativeQuery("""
                insert into team (team_id, team_name, organisation, changed_at, updated_at)
                values (:id, :name, :organisation, :changedAt, now())
                on conflict (team_id) do update set team_name = excluded.team_name, organisation = excluded.organisation,
                    changed_at = excluded.changed_at, updated_at = now()
                where team.changed_at <= excluded.changed_at""").unwrap(NativeQuery.class)
                .setParameter("id", id, String.class)
                .setParameter("name", team.teamName(), String.class)
                .setParameter("organisation", team.organisation(), String.class)
                .setParameter("changedAt", changedAt, Instant.class)
                .executeUpdate();
        if (applied == 0) {
            return; // an older snapshot than the one applied
        }
        em.createNativeQuery("delete from team_member where team_id = :id").setParameter("id", id).executeUpdate();
        members.forEach((username, active) -> em.createNativeQuery(
                "insert into team_member (team_id, username, active) values (:id, :username, :active)")
                .setParameter("id", id).setParameter("username", username).setParameter("active", active).executeUpdate());
    }

    /** A tombstone: the team is gone, and with it every membership. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String key) {
        em.createNativeQuery("delete from team where team_id = :id").setParameter("id", teamId(key)).executeUpdate();
    }

    @Transactional
    public boolean isActiveMember(String teamId, String username) {
        if (teamId == null || username == null) {
            return false;
        }
        return !em.createNativeQuery("select 1 from team_member where team_id = :team and username = :username and active")
                .setParameter("team", teamId).setParameter("username", username).getResultList().isEmpty();
    }

    /** The teams the user is an active member of, in order. */
    @Transactional
    public Set<String> activeTeamsOf(String username) {
        if (username == null) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> teams = em.createNativeQuery("select team_id from team_member where username = :username and active")
                .setParameter("username", username).getResultList();
        return new TreeSet<>(teams);
    }

    private static String teamId(String value) {
        if (value == null || !TEAM_ID.matcher(value).matches()) {
            throw new MalformedEventException("teamId is missing or not a team id");
        }
        return value;
    }
}
