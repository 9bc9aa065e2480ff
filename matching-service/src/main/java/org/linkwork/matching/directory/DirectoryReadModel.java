package org.linkwork.matching.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.linkwork.events.DirectoryServiceChanged;
import org.linkwork.events.EventJson;
import org.linkwork.events.EventJson.MalformedEventException;
import org.linkwork.events.Postcodes;
import org.linkwork.matching.scoring.Activity;
import org.linkwork.platform.transaction.AfterCommit;

/**
 * Keeps matching's copy of the directory in step with the directory's snapshots and deletions, and
 * with the places activity referrals take and give back. Every change is written to the database
 * and, once its transaction has committed, to the in-memory {@link DirectoryIndex}.
 */
@ApplicationScoped
public class DirectoryReadModel {

    private static final Logger LOG = Logger.getLogger(DirectoryReadModel.class);

    final EntityManager em;
    final DirectoryIndex index;
    final PlacesTaken placesTaken;
    final AfterCommit afterCommit;

    DirectoryReadModel(EntityManager em, DirectoryIndex index, PlacesTaken placesTaken, AfterCommit afterCommit) {
        this.em = em;
        this.index = index;
        this.placesTaken = placesTaken;
        this.afterCommit = afterCommit;
    }

    /**
     * Replaces the copy of a service with a snapshot, unless the copy is from a newer version:
     * redelivered or replayed snapshots must not undo a later change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String key, DirectoryServiceChanged snapshot) {
        check(key, snapshot);
        DirectoryService service = em.find(DirectoryService.class, snapshot.serviceId(), LockModeType.PESSIMISTIC_WRITE);
        if (service != null && snapshot.version() < service.version) {
            LOG.infof("Ignored directory service %s version %d: version %d is already applied",
                    snapshot.serviceId(), snapshot.version(), service.version);
            return;
        }
        boolean isNew = service == null;
        if (isNew) {
            service = new DirectoryService();
            service.id = snapshot.serviceId();
        }
        service.name = snapshot.name();
        service.organizationId = snapshot.organizationId();
        service.organizationName = snapshot.organizationName();
        service.status = snapshot.status();
        service.deliveryModes = snapshot.deliveryModes() == null ? ""
                : String.join(",", snapshot.deliveryModes().stream().filter(m -> m != null && !m.isBlank()).distinct().toList());
        service.version = snapshot.version();
        service.changedAt = snapshot.changedAt();
        service.receivedAt = Instant.now();
        service.taxonomyCodes.clear();
        snapshot.taxonomyCodes().stream().filter(c -> c != null && !c.isBlank()).forEach(service.taxonomyCodes::add);
        service.locations.clear();
        service.locations.addAll(locationsOf(snapshot));
        service.snapshot = EventJson.write(snapshot);
        service.placesAvailable = placesTaken.placesLeft(service.id, snapshot.placesAvailable(), snapshot.maximumPlaces(), asOf(service));
        service.revision = nextRevision();
        if (isNew) {
            service.persist();
        }
        Activity activity = Activity.of(snapshot, service.placesAvailable);
        long revision = service.revision;
        afterCommit.run(() -> index.put(activity, revision));
    }

    /** A tombstone: the directory deleted the service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String serviceId) {
        if (serviceId == null || serviceId.isBlank()) {
            throw new MalformedEventException("directory tombstone without a key");
        }
        DirectoryService.deleteById(serviceId);
        long revision = nextRevision();
        afterCommit.run(() -> index.remove(serviceId, revision));
    }

    /** Works out a service's places again after an activity referral took or released one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recountPlaces(String serviceId) {
        DirectoryService service = em.find(DirectoryService.class, serviceId, LockModeType.PESSIMISTIC_WRITE);
        if (service == null) {
            return; // its snapshot counts the referral's place when it comes
        }
        DirectoryServiceChanged snapshot = snapshotOf(service);
        Integer places = placesTaken.placesLeft(serviceId, snapshot.placesAvailable(), snapshot.maximumPlaces(), asOf(service));
        if (java.util.Objects.equals(places, service.placesAvailable)) {
            return;
        }
        service.placesAvailable = places;
        service.revision = nextRevision();
        Activity activity = Activity.of(snapshot, places);
        long revision = service.revision;
        afterCommit.run(() -> index.put(activity, revision));
    }

    /** The snapshot a stored service was made from; a row from before snapshots were kept is rebuilt from its columns. */
    static DirectoryServiceChanged snapshotOf(DirectoryService s) {
        if (s.snapshot != null) {
            return EventJson.read(s.snapshot, DirectoryServiceChanged.class);
        }
        return new DirectoryServiceChanged(s.id, s.name, null, s.status, s.organizationId, s.organizationName,
                List.copyOf(s.taxonomyCodes), s.deliveryModeCodes(), s.locations.stream()
                        .map(l -> new DirectoryServiceChanged.Place(l.locationId, l.name, l.postcode, l.latitude, l.longitude)).toList(),
                List.of(), null, List.of(), List.of(), null, null, s.placesAvailable, null, null, s.version, s.changedAt);
    }

    /** The moment a snapshot speaks for: activity referrals changed after it are counted on top of it. */
    private static Instant asOf(DirectoryService s) {
        return s.changedAt != null ? s.changedAt : s.receivedAt;
    }

    private long nextRevision() {
        return ((Number) em.createNativeQuery("select nextval('directory_revision')").getSingleResult()).longValue();
    }

    private static List<ServiceLocation> locationsOf(DirectoryServiceChanged snapshot) {
        if (snapshot.locations() == null) {
            return List.of();
        }
        // one row per location id; a repeated id in a snapshot keeps its first entry
        Map<String, ServiceLocation> byId = new LinkedHashMap<>();
        for (DirectoryServiceChanged.Place place : snapshot.locations()) {
            if (place == null || place.locationId() == null || place.locationId().isBlank()) {
                throw new MalformedEventException("directory service " + snapshot.serviceId() + " has a location without an id");
            }
            ServiceLocation location = new ServiceLocation();
            location.locationId = place.locationId();
            location.name = place.name();
            location.postcode = place.postcode();
            location.postcodeDistrict = Postcodes.districtOf(place.postcode()).orElse(null);
            location.latitude = place.latitude();
            location.longitude = place.longitude();
            byId.putIfAbsent(place.locationId(), location);
        }
        return List.copyOf(byId.values());
    }

    private static void check(String key, DirectoryServiceChanged s) {
        if (s.serviceId() == null || s.serviceId().isBlank()) {
            throw new MalformedEventException("directory snapshot without a serviceId");
        }
        if (key != null && !key.equals(s.serviceId())) {
            throw new MalformedEventException("directory snapshot for " + s.serviceId() + " published under key " + key);
        }
        if (s.name() == null || s.status() == null || s.organizationId() == null || s.organizationName() == null
                || s.taxonomyCodes() == null) {
            throw new MalformedEventException("directory snapshot " + s.serviceId() + " lacks a required field");
        }
    }
}
