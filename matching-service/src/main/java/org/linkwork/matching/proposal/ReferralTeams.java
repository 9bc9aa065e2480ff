package org.linkwork.matching.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The team each referral is with, whose active members may read and act on its proposal: named by
 * its assessment (at {@code assessedAt}) and by its assignments (at {@code assignedAt}), a move
 * between teams among them. The latest by event time wins, in whatever order the two topics deliver.
 */
@ApplicationScoped
public class ReferralTeams {

    final EntityManager em;
    final RecentProposals recent;

    ReferralTeams(EntityManager em, RecentProposals recent) {
        this.em = em;
        this.recent = recent;
    }

    /**
     * Records that the referral is with the team since the given time, unless something later is
     * recorded; a proposal this instance holds in memory is dropped with it, as it carries the team.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID referralId, String teamId, Instant since) {
        Instant at = (since == null ? Instant.EPOCH : since).truncatedTo(ChronoUnit.MICROS);
        int changed = em.createNativeQuery("""
                insert into referral_team (referral_id, team_id, since, updated_at) values (:id, :team, :since, now())
                on conflict (referral_id) do update set team_id = excluded.team_id, since = excluded.since, updated_at = now()
                    where referral_team.since <= excluded.since""")
                .setParameter("id", referralId).setParameter("team", teamId).setParameter("since", at.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (changed == 1) {
            recent.changing(referralId);
        }
    }

    /** The team the referral is with now; empty when no event has named one. */
    public Optional<String> current(UUID referralId) {
        List<?> rows = em.createNativeQuery("select team_id from referral_team where referral_id = :id").setParameter("id", referralId)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(rows.get(0)));
    }
}
