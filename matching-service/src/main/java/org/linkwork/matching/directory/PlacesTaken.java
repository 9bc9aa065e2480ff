package org.linkwork.matching.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import org.linkwork.events.ActivityReferralUpdated;
import org.linkwork.events.EventJson.MalformedEventException;

/**
 * Which activity referrals hold a place at which service. An accepted activity referral (also
 * when in progress or on hold) holds one; rejected, cancelled, failed and completed give it back,
 * and a place given back is not taken again by a late update. Each referral's state is kept, not
 * a running count, so a redelivered or repeated status changes nothing.
 *
 * <p>The directory counts places too, and publishes a new snapshot when it has. A snapshot speaks
 * for everything up to its {@code changedAt}: places taken or given back after that are counted on
 * top of it, earlier ones are assumed to be in it.
 */
@ApplicationScoped
public class PlacesTaken {

    static final Set<String> HOLDS_A_PLACE = Set.of("accepted", "in-progress", "on-hold");
    static final Set<String> GIVES_IT_BACK = Set.of("rejected", "cancelled", "failed", "completed");

    final EntityManager em;

    PlacesTaken(EntityManager em) {
        this.em = em;
    }

    /** Records the activity referral's new status; true when it took or gave back a place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(ActivityReferralUpdated update) {
        if (update.activityReferralId() == null || update.activityReferralId().isBlank() || update.serviceId() == null
                || update.serviceId().isBlank() || update.status() == null) {
            throw new MalformedEventException("activity-referral-updated lacks activityReferralId, serviceId or status");
        }
        Instant at = update.updatedAt() == null ? Instant.now() : update.updatedAt();
        boolean holds = HOLDS_A_PLACE.contains(update.status());
        boolean givesBack = GIVES_IT_BACK.contains(update.status());
        ActivityReferralPlace place = em.find(ActivityReferralPlace.class, update.activityReferralId(), LockModeType.PESSIMISTIC_WRITE);
        if (place == null) {
            place = new ActivityReferralPlace();
            place.activityReferralId = update.activityReferralId();
            place.serviceId = update.serviceId();
            place.holding = holds;
            place.takenAt = holds ? at : null;
            // turned down before it ever held a place: it never will
            place.releasedAt = givesBack ? at : null;
            place.updatedAt = at;
            place.persist();
            return holds;
        }
        place.updatedAt = at;
        if (place.holding && givesBack) {
            place.holding = false;
            place.releasedAt = at;
            return true;
        }
        if (!place.holding && holds && place.releasedAt == null) {
            place.holding = true;
            place.takenAt = at;
            return true;
        }
        if (!place.holding && givesBack && place.releasedAt == null) {
            place.releasedAt = at;
        }
        return false;
    }

    /**
     * The snapshot's places, less the places taken after {@code asOf} and still held, plus those
     * taken before it and given back after it; never below 0 nor above the maximum. Null when the
     * directory does not track the service's capacity.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Integer placesLeft(String serviceId, Integer snapshotPlaces, Integer maximumPlaces, Instant asOf) {
        if (snapshotPlaces == null) {
            return null;
        }
        Object[] counts = (Object[]) em.createNativeQuery("""
                select count(*) filter (where holding and taken_at > :asOf),
                       count(*) filter (where not holding and taken_at <= :asOf and released_at > :asOf)
                from activity_referral_place where service_id = :service""")
                .setParameter("asOf", Timestamp.from(asOf == null ? Instant.EPOCH : asOf))
                .setParameter("service", serviceId)
                .getSingleResult();
        long places = snapshotPlaces - ((Number) counts[0]).longValue() + ((Number) counts[1]).longValue();
        if (maximumPlaces != null) {
            places = Math.min(places, maximumPlaces);
        }
        return (int) Math.max(0, places);
    }
}
