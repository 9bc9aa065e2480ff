package org.linkwork.referral.team;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.linkwork.events.ReferralStatus;
import org.linkwork.events.TeamChanged;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.ProblemException;

/** Teams, the practices and areas they serve, and their members' open caseloads. */
@ApplicationScoped
public class Teams {

    final Outbox outbox;

    Teams(Outbox outbox) {
        this.outbox = outbox;
    }

    private static final List<ReferralStatus> OPEN = java.util.Arrays.stream(ReferralStatus.values())
            .filter(ReferralStatus::isOpen).toList();

    @Transactional
    public boolean replace(String id, TeamRequest request) {
        EntityManager em = Panache.getEntityManager();
        Team team = Team.findById(id);
        boolean created = team == null;
        if (created) {
            team = new Team();
            team.id = id;
        }
        team.name = request.name().strip();
        team.organisation = request.organisation();
        team.persist();
        em.flush();
        for (String practice : request.practices()) {
            Object other = em.createNativeQuery("select team_id from team_practice where practice = ?1").setParameter(1, practice)
                    .getResultStream().findFirst().orElse(null);
            if (other != null && !other.equals(id)) {
                throw ProblemException.invalid("practices", "practice " + practice + " is already served by team " + other);
            }
        }
        for (String area : request.areasOrNone()) {
            Object other = em.createNativeQuery("select team_id from team_area where postcode_district = ?1").setParameter(1, area)
                    .getResultStream().findFirst().orElse(null);
            if (other != null && !other.equals(id)) {
                throw ProblemException.invalid("areas", "area " + area + " is already served by team " + other);
            }
        }
        em.createNativeQuery("delete from team_practice where team_id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("delete from team_area where team_id = ?1").setParameter(1, id).executeUpdate();
        for (String practice : request.practices().stream().distinct().toList()) {
            em.createNativeQuery("insert into team_practice (practice, team_id) values (?1, ?2)").setParameter(1, practice)
                    .setParameter(2, id).executeUpdate();
        }
        for (String area : request.areasOrNone()) {
            em.createNativeQuery("insert into team_area (postcode_district, team_id) values (?1, ?2)").setParameter(1, area)
                    .setParameter(2, id).executeUpdate();
        }
        // members who leave the list stay as inactive members: their referrals keep a team that knows them
        List<String> listed = request.members().stream().map(m -> m.username()).toList();
        for (TeamMember gone : TeamMember.<TeamMember>list("teamId", id)) {
            if (!listed.contains(gone.username)) {
                gone.active = false;
            }
        }
        for (TeamRequest.Member m : request.members()) {
            TeamMember member = TeamMember.<TeamMember>find("teamId = ?1 and username = ?2", id, m.username()).firstResultOptional()
                    .orElseGet(TeamMember::new);
            member.teamId = id;
            member.username = m.username();
            member.displayName = m.displayName().strip();
            member.active = m.activeOrDefault();
            member.persist();
        }
        em.flush();
        announce(team);
        return created;
    }

    /** The team as it now stands, for the services that let its members see their referrals. */
    private void announce(Team team) {
        TeamView view = view(team.id).orElseThrow();
        outbox.publish(new TeamChanged(team.id, team.name, team.organisation, view.practices(), view.areas(),
                view.members().stream().map(m -> new TeamChanged.Member(m.username(), m.active())).toList(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    public Optional<TeamView> view(String id) {
        Team team = Team.findById(id);
        if (team == null) {
            return Optional.empty();
        }
        EntityManager em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<String> practices = em.createNativeQuery("select practice from team_practice where team_id = ?1 order by practice")
                .setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<String> areas = em.createNativeQuery("select postcode_district from team_area where team_id = ?1 order by postcode_district")
                .setParameter(1, id).getResultList();
        List<TeamView.Member> members = TeamMember.<TeamMember>list("teamId = ?1 order by username", id).stream()
                .map(m -> new TeamView.Member(m.username, m.displayName, m.active, openCaseload(m.username))).toList();
        return Optional.of(new TeamView(team.id, team.name, team.organisation, practices, areas, members));
    }

    public long openCaseload(String username) {
        return org.linkwork.referral.Referral.count("linkWorker = ?1 and status in ?2", username, OPEN);
    }

    /** The team that serves a practice, or failing that the person's area. */
    public Optional<String> teamFor(String practice, String postcodeDistrict) {
        EntityManager em = Panache.getEntityManager();
        if (practice != null) {
            Optional<?> byPractice = em.createNativeQuery("select team_id from team_practice where practice = ?1")
                    .setParameter(1, practice).getResultStream().findFirst();
            if (byPractice.isPresent()) {
                return byPractice.map(Object::toString);
            }
        }
        if (postcodeDistrict != null) {
            return em.createNativeQuery("select team_id from team_area where postcode_district = ?1")
                    .setParameter(1, postcodeDistrict).getResultStream().findFirst().map(Object::toString);
        }
        return Optional.empty();
    }

    /**
     * The active member with the fewest open referrals (ties: alphabetical, so it is predictable).
     * Assignments in one team take turns, so two referrals arriving together do not both go to the
     * same person on a stale count. The turn is an advisory lock, not a row lock on the team: each
     * referral's foreign key already holds a key-share lock on that row, and upgrading it from two
     * transactions at once would deadlock.
     */
    public Optional<TeamMember> leastLoaded(String teamId) {
        EntityManager em = Panache.getEntityManager();
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "team:" + teamId).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select m.username, (select count(*) from referral r where r.link_worker = m.username and r.status in (?2)) as load
                from team_member m where m.team_id = ?1 and m.active
                order by load, m.username limit 1""")
                .setParameter(1, teamId).setParameter(2, OPEN.stream().map(ReferralStatus::code).toList()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return TeamMember.find("teamId = ?1 and username = ?2", teamId, rows.get(0)[0]).firstResultOptional();
    }

    public Optional<TeamMember> member(String teamId, String username) {
        return TeamMember.find("teamId = ?1 and username = ?2", teamId, username).firstResultOptional();
    }
}
