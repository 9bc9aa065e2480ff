package org.linkwork.outcomes.journey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.linkwork.events.LinkworkEvent;

/**
 * Applies live events to the stored journeys. A referral's events come on several topics, read by
 * several consumers at once: the row is locked while its event is folded in, so no fold is lost.
 */
@ApplicationScoped
public class JourneyStore {

    final EntityManager em;

    JourneyStore(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(LinkworkEvent event) {
        UUID id = JourneyFold.referralIdOf(event);
        em.createNativeQuery("""
                insert into referral_journey (referral_id, journey, updated_at) values (:id, cast('{}' as jsonb), now())
                on conflict (referral_id) do nothing""")
                .setParameter("id", id).executeUpdate();
        String stored = (String) em.createNativeQuery("select cast(journey as text) from referral_journey where referral_id = :id for update")
                .setParameter("id", id).getSingleResult();
        ReferralJourney journey = JourneyJson.read(stored);
        JourneyFold.apply(journey, event);
        save(id, journey);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReferralJourney> find(UUID referralId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select cast(journey as text) from referral_journey where referral_id = :id")
                .setParameter("id", referralId).getResultList();
        return rows.stream().findFirst().map(JourneyJson::read).filter(j -> j.referralId != null);
    }

    private void save(UUID id, ReferralJourney j) {
        em.createNativeQuery("""
                update referral_journey set person_ref = :person, practice = :practice, source = :source, postcode_district = :district,
                    age_band = :ageBand, sex = :sex, ethnicity_group = :ethnicity, deprivation_decile = :decile, received_at = :receivedAt,
                    status = :status, team_id = :team, providers = cast(:providers as text[]), activity_types = cast(:types as text[]),
                    journey = cast(:journey as jsonb), updated_at = now()
                where referral_id = :id""").unwrap(NativeQuery.class)
                .setParameter("person", j.personRef, String.class)
                .setParameter("practice", j.practice, String.class)
                .setParameter("source", j.source, String.class)
                .setParameter("district", j.postcodeDistrict, String.class)
                .setParameter("ageBand", j.ageBand, String.class)
                .setParameter("sex", j.sex, String.class)
                .setParameter("ethnicity", j.ethnicityGroup, String.class)
                .setParameter("decile", j.deprivationDecile, Integer.class)
                .setParameter("receivedAt", j.receivedAt, Instant.class)
                .setParameter("status", j.status, String.class)
                .setParameter("team", j.teamId, String.class)
                .setParameter("providers", JourneyTable.array(j.providers()), String.class)
                .setParameter("types", JourneyTable.array(j.activityTypes()), String.class)
                .setParameter("journey", JourneyJson.write(j), String.class)
                .setParameter("id", id, UUID.class)
                .executeUpdate();
    }
}
